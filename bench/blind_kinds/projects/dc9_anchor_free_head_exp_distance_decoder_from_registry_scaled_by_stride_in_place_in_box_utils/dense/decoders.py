"""Regression decoders: raw head output -> (l, t, r, b) distances in stride units."""
import torch
import torch.nn as nn
import torch.nn.functional as F

DECODERS = {}


def register(name):
    def wrap(cls):
        DECODERS[name] = cls
        return cls
    return wrap


@register("exp")
class ExpDistance(nn.Module):
    """FCOS: distances = exp(s * x) with a learnable scale per level."""
    channels = 4

    def __init__(self, reg_max=None):
        super().__init__()

    def forward(self, x):
        return torch.exp(x)


@register("integral")
class IntegralDistance(nn.Module):
    """GFL: the expectation of a discrete distribution over 0..reg_max per side."""

    def __init__(self, reg_max=7):
        super().__init__()
        self.reg_max = reg_max
        self.channels = 4 * (reg_max + 1)
        self.register_buffer("project", torch.linspace(0, reg_max, reg_max + 1))

    def forward(self, x):
        prob = F.softmax(x.reshape(*x.shape[:-1], 4, self.reg_max + 1), dim=-1)
        return F.linear(prob, self.project[None]).squeeze(-1)


def build_decoder(cfg):
    return DECODERS[cfg["type"]](**cfg.get("kwargs", {}))
