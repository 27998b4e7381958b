import torch
import torch.nn as nn


class NeuMF(nn.Module):
    """GMF and MLP towers over user/item embeddings (He et al., 2017), sized for the full catalogue
    so that items released later only need their rows switched on."""

    def __init__(self, n_users, max_items, dim=4, hidden=(8, 4)):
        super().__init__()
        self.user_gmf, self.item_gmf = nn.Embedding(n_users, dim), nn.Embedding(max_items, dim)
        self.user_mlp, self.item_mlp = nn.Embedding(n_users, dim), nn.Embedding(max_items, dim)
        layers, d = [], 2 * dim
        for h in hidden:
            layers += [nn.Linear(d, h), nn.ReLU()]
            d = h
        self.mlp = nn.Sequential(*layers)
        self.out = nn.Linear(dim + d, 1)

    def item_tables(self):
        return [self.item_gmf.weight, self.item_mlp.weight]

    def forward(self, users, items):
        gmf = self.user_gmf(users) * self.item_gmf(items)
        deep = self.mlp(torch.cat([self.user_mlp(users), self.item_mlp(items)], dim=1))
        return self.out(torch.cat([gmf, deep], dim=1)).squeeze(1)
