import torch
import torch.nn as nn

from .activations import ACTIVATIONS


def mlp(sizes, activation):
    layers = []
    for d_in, d_out in zip(sizes[:-1], sizes[1:]):
        layers += [nn.Linear(d_in, d_out), ACTIVATIONS[activation](d_out)]  # L
    return nn.Sequential(*layers)


class LocalActivationUnit(nn.Module):
    def __init__(self, dim, hidden, activation):
        super().__init__()
        self.mlp = mlp([4 * dim] + hidden, activation)
        self.out = nn.Linear(hidden[-1], 1)

    def forward(self, query, keys):
        q = query.unsqueeze(1).expand_as(keys)
        feats = torch.cat([q, keys, q - keys, q * keys], -1)
        b, t, d = feats.shape
        return self.out(self.mlp(feats.reshape(b * t, d))).view(b, t)  # L


class DIN(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        dim = cfg["dim"]
        self.items = nn.Embedding(cfg["items"], dim, padding_idx=0)
        self.attention = LocalActivationUnit(dim, cfg["attention_hidden"], cfg["activation"])
        self.head = nn.Sequential(nn.Linear(2 * dim, 16), nn.PReLU(16), nn.Linear(16, 1))

    def forward(self, history, target):
        keys, query = self.items(history), self.items(target)
        weights = self.attention(query, keys).masked_fill(history == 0, 0.0)  # L
        interest = (weights.unsqueeze(-1) * keys).sum(1)
        return self.head(torch.cat([interest, query], -1)).squeeze(-1)
