import math

import torch
import torch.nn as nn

from . import film


def timestep_embedding(t, dim):
    half = dim // 2
    freqs = torch.exp(-math.log(10000.0) * torch.arange(half) / half)
    args = t.float()[:, None] * freqs[None]
    return torch.cat([torch.cos(args), torch.sin(args)], dim=-1)


class ResBlock(nn.Module):
    def __init__(self, channels, emb_dim, split="chunk"):
        super().__init__()
        self.in_layers = nn.Sequential(nn.GroupNorm(4, channels), nn.SiLU(),
                                       nn.Conv2d(channels, channels, 3, padding=1))
        self.emb_layers = nn.Sequential(nn.SiLU(), nn.Linear(emb_dim, 2 * channels))
        self.out_norm = nn.GroupNorm(4, channels)
        self.out_layers = nn.Sequential(nn.SiLU(), nn.Conv2d(channels, channels, 3, padding=1))
        self.split = film.SPLITTERS[split]

    def forward(self, x, emb):
        h = self.in_layers(x)
        scale, shift = self.split(self.emb_layers(emb))
        h = film.scale_shift_(self.out_norm(h), scale, shift)  # L
        return x + self.out_layers(h)
