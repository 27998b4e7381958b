import math

import torch
import torch.nn as nn

from .blocks import DiTBlock


def timestep_embedding(t, dim, max_period=10000):
    half = dim // 2
    freqs = torch.exp(-math.log(max_period) * torch.arange(half, dtype=torch.float32) / half)
    args = t[:, None].float() * freqs[None]
    return torch.cat([torch.cos(args), torch.sin(args)], dim=-1)


class LabelEmbedder(nn.Module):
    """Class embedding with a null class for classifier-free guidance."""

    def __init__(self, n_classes, dim, dropout_prob):
        super().__init__()
        self.table = nn.Embedding(n_classes + 1, dim)
        self.n_classes, self.dropout_prob = n_classes, dropout_prob

    def forward(self, labels):
        if self.training and self.dropout_prob > 0:
            drop = torch.rand(labels.shape[0]) < self.dropout_prob
            labels = torch.where(drop, self.n_classes, labels)
        return self.table(labels)


class DiT(nn.Module):
    def __init__(self, in_dim=4, n_tokens=6, dim=8, depth=2, n_classes=3, class_dropout=0.1):
        super().__init__()
        self.dim = dim
        self.x_embed = nn.Linear(in_dim, dim)
        self.pos = nn.Parameter(torch.randn(1, n_tokens, dim) * 0.02)
        self.t_mlp = nn.Sequential(nn.Linear(dim, dim), nn.SiLU(), nn.Linear(dim, dim))
        self.y_embed = LabelEmbedder(n_classes, dim, class_dropout)
        self.blocks = nn.ModuleList(DiTBlock(dim) for _ in range(depth))
        self.final = nn.Linear(dim, in_dim)

    def forward(self, x, t, y):
        x = self.x_embed(x) + self.pos
        c = self.t_mlp(timestep_embedding(t, self.dim)) + self.y_embed(y)
        for block in self.blocks:
            x = block(x, c)  # L
        return self.final(x)
