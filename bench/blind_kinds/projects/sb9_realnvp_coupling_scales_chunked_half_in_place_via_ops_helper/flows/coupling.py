import math

import torch
import torch.nn as nn

from . import ops
from .utils import merge_halves, split_halves


class AffineCoupling(nn.Module):
    def __init__(self, dim, hidden, parity):
        super().__init__()
        self.parity = parity
        half = dim // 2
        self.net = nn.Sequential(nn.Linear(half, hidden), nn.ReLU(), nn.Linear(hidden, 2 * half))
        self.scale_factor = nn.Parameter(torch.zeros(half))

    def forward(self, x):
        cond, trans = split_halves(x, self.parity)
        s, t = self.net(cond).chunk(2, dim=-1)
        s = torch.tanh(s) * self.scale_factor.exp()
        trans = ops.affine_(trans, s, t)  # L
        return merge_halves(cond, trans, self.parity), s.sum(-1)


class RealNVP(nn.Module):
    def __init__(self, dim=4, hidden=16, n_layers=4):
        super().__init__()
        self.shift = nn.Parameter(torch.zeros(dim))
        self.layers = nn.ModuleList(AffineCoupling(dim, hidden, i % 2) for i in range(n_layers))

    def log_prob(self, x):
        z = x - self.shift
        log_det = torch.zeros(x.shape[0])
        for layer in self.layers:
            z, ld = layer(z)  # L
            log_det = log_det + ld
        return -0.5 * (z.pow(2) + math.log(2 * math.pi)).sum(-1) + log_det
