import math

import torch
import torch.nn as nn

from .conditioning import ClassEmbedder, drop_conditions_


def timestep_embedding(t, dim):
    freqs = torch.exp(-math.log(10000.0) * torch.arange(dim // 2) / (dim // 2))
    args = t[:, None] * freqs[None]
    return torch.cat([args.cos(), args.sin()], dim=-1)


class Denoiser(nn.Module):
    def __init__(self, d_data=8, dim=32, num_classes=5, act="silu", p_uncond=0.3):
        super().__init__()
        self.embed = ClassEmbedder(num_classes, dim, act)
        self.null = nn.Parameter(torch.zeros(dim))
        self.p_uncond = p_uncond
        self.t_proj = nn.Linear(dim, dim)
        self.inp = nn.Linear(d_data, dim)
        self.mid = nn.Sequential(nn.SiLU(), nn.Linear(dim, dim), nn.SiLU())
        self.out = nn.Linear(dim, d_data)

    def forward(self, x_t, t, y):
        c = self.embed(y)
        if self.training:
            drop_conditions_(c, self.p_uncond, self.null)  # L
        h = self.inp(x_t) + self.t_proj(timestep_embedding(t * 1000, self.t_proj.in_features)) + c
        return self.out(self.mid(h))
