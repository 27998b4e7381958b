"""Noise schedules as gamma(t) = -log SNR(t), picked by name from the config."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

SCHEDULES = {}


def register(name):
    def deco(cls):
        SCHEDULES[name] = cls
        return cls
    return deco


@register("cosine")
class CosineGamma(nn.Module):
    def forward(self, t):
        # alpha = cos(pi t / 2), sigma = sin(pi t / 2): -log SNR = 2 log tan(pi t / 2)
        return 2 * torch.log(torch.tan(math.pi * t / 2).clamp(1e-4, 1e4))


@register("learned")
class MonotoneGamma(nn.Module):
    """A monotone network (positive weights via softplus) between fixed endpoints, as in VDM."""

    def __init__(self, width=8):
        super().__init__()
        self.w1 = nn.Parameter(torch.randn(1, width))
        self.w2 = nn.Parameter(torch.randn(width, 1))
        self.g0, self.g1 = -6.0, 6.0

    def raw(self, t):
        return torch.sigmoid(t @ F.softplus(self.w1)) @ F.softplus(self.w2)

    def forward(self, t):
        lo, hi = self.raw(torch.zeros(1, 1)), self.raw(torch.ones(1, 1))
        return self.g0 + (self.g1 - self.g0) * (self.raw(t) - lo) / (hi - lo)


def build_schedule(cfg):
    return SCHEDULES[cfg["schedule"]]()
