import math

import torch
import torch.nn as nn


def timestep_embedding(t, dim):
    half = dim // 2
    freqs = torch.exp(-math.log(10000.0) * torch.arange(half) / half)
    args = t.float()[:, None] * freqs[None]
    return torch.cat([args.sin(), args.cos()], dim=-1)


class Denoiser(nn.Module):
    """A tiny MLP v-predictor for 1x4x4 images."""

    def __init__(self, pixels=16, hidden=32, t_dim=8):
        super().__init__()
        self.t_dim = t_dim
        self.net = nn.Sequential(nn.Linear(pixels + t_dim, hidden), nn.SiLU(), nn.Linear(hidden, hidden),
                                 nn.SiLU(), nn.Linear(hidden, pixels))

    def forward(self, x_t, t):
        h = torch.cat([x_t.flatten(1), timestep_embedding(t, self.t_dim)], dim=1)
        return self.net(h).view_as(x_t)
