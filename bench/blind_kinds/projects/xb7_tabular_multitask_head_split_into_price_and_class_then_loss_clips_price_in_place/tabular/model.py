import torch
import torch.nn as nn


class TabularNet(nn.Module):
    """Entity embeddings for the categorical columns, batch norm for the continuous ones, a shared
    trunk, and one head giving the regression target and the class logits together."""

    def __init__(self, cardinalities, n_cont, n_classes, hidden=16):
        super().__init__()
        self.embeds = nn.ModuleList(nn.Embedding(c, min(8, (c + 1) // 2)) for c in cardinalities)
        d_emb = sum(e.embedding_dim for e in self.embeds)
        self.bn_cont = nn.BatchNorm1d(n_cont)
        self.trunk = nn.Sequential(nn.Linear(d_emb + n_cont, hidden), nn.ReLU(), nn.Dropout(0.1))
        self.head = nn.Linear(hidden, 1 + n_classes)
        self.n_classes = n_classes

    def forward(self, x_cat, x_cont):
        emb = torch.cat([e(x_cat[:, i]) for i, e in enumerate(self.embeds)], dim=1)
        h = self.trunk(torch.cat([emb, self.bn_cont(x_cont)], dim=1))
        price, logits = self.head(h).split([1, self.n_classes], dim=1)
        return {"price": price.squeeze(1), "logits": logits}
