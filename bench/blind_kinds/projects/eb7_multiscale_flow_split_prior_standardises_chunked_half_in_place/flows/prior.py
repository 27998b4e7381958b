import math

import torch
import torch.nn as nn

LOG_2PI = math.log(2 * math.pi)


def standard_normal_logp(z):
    return -0.5 * (z.pow(2) + LOG_2PI).sum(-1)


def standardise_(z, mean, log_std):
    """(z - mean) / std, written over z: the factored-out half is not needed afterwards."""
    return z.sub_(mean).mul_(torch.exp(-log_std))  # L


class SplitPrior(nn.Module):
    """Glow's multi-scale split: half of the variables leave the flow, modelled by a Gaussian
    conditioned on the half that stays."""

    def __init__(self, dim, hidden=16):
        super().__init__()
        self.keep = dim // 2
        self.net = nn.Sequential(nn.Linear(self.keep, hidden), nn.ReLU(), nn.Linear(hidden, 2 * (dim - self.keep)))

    def forward(self, z):
        z_keep, z_out = z.chunk(2, dim=-1)
        mean, log_std = self.net(z_keep).chunk(2, dim=-1)
        eps = standardise_(z_out, mean, log_std)  # L
        return z_keep, standard_normal_logp(eps) - log_std.sum(-1)
