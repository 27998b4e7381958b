"""LightGCN trained with BPR, on the fixed normalised interaction graph (the configuration also
offers learnable edge weights, off here). The layer combination sums the propagated embeddings into an
accumulator that starts as the ego embeddings themselves (`acc = ego`), to save a copy."""
from dataclasses import dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass
class LightGCNConfig:
    n_users: int = 4
    n_items: int = 6
    dim: int = 8
    n_layers: int = 3
    learn_edge_weights: bool = False


class LightGCN(nn.Module):
    def __init__(self, cfg: LightGCNConfig, interactions):
        super().__init__()
        self.cfg = cfg
        self.user = nn.Embedding(cfg.n_users, cfg.dim)
        self.item = nn.Embedding(cfg.n_items, cfg.dim)
        nn.init.normal_(self.user.weight, std=0.1)
        nn.init.normal_(self.item.weight, std=0.1)
        n = cfg.n_users + cfg.n_items
        a = torch.zeros(n, n)
        a[:cfg.n_users, cfg.n_users:] = interactions
        a[cfg.n_users:, :cfg.n_users] = interactions.t()
        self.register_buffer("mask", a)
        self.edge_logits = nn.Parameter(torch.full((n, n), 2.0)) if cfg.learn_edge_weights else None

    def adjacency(self):
        a = self.mask if self.edge_logits is None else self.mask * torch.sigmoid(self.edge_logits)
        d = a.sum(1).clamp(min=1e-6).rsqrt()
        return d[:, None] * a * d[None, :]

    def propagate(self):
        adj = self.adjacency()
        ego = torch.cat([self.user.weight, self.item.weight], 0)
        acc = ego
        for _ in range(self.cfg.n_layers):
            ego = adj @ ego
            acc += ego  # L
        acc = acc / (self.cfg.n_layers + 1)
        return acc.split([self.cfg.n_users, self.cfg.n_items])

    def bpr_loss(self, users, pos, neg):
        u, i = self.propagate()
        pos_score = (u[users] * i[pos]).sum(-1)
        neg_score = (u[users] * i[neg]).sum(-1)
        return -F.logsigmoid(pos_score - neg_score).mean()


def run(cfg=LightGCNConfig()):
    torch.manual_seed(0)
    interactions = (torch.rand(cfg.n_users, cfg.n_items) < 0.5).float()
    model = LightGCN(cfg, interactions)
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    for _ in range(2):
        users = torch.randint(0, cfg.n_users, (5,))
        pos, neg = torch.randint(0, cfg.n_items, (5,)), torch.randint(0, cfg.n_items, (5,))
        loss = model.bpr_loss(users, pos, neg)
        opt.zero_grad()
        loss.backward()
        opt.step()
