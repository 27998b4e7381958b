"""Normalisation layers built from config dicts, mmcv style: build_norm_layer(dict(type=...), C)."""
import torch
import torch.nn as nn

from . import functional as FN

NORM_LAYERS = {"BN": nn.BatchNorm2d, "GN": lambda c, **kw: nn.GroupNorm(2, c, **kw)}


def register_norm(name):
    def deco(cls):
        NORM_LAYERS[name] = cls
        return cls
    return deco


@register_norm("FRN")
class FilterResponseNorm2d(nn.Module):
    """FRN followed by its thresholded linear unit; no batch dependence, no activation after it."""

    def __init__(self, channels, eps=1e-6, inplace=False):
        super().__init__()
        shape = (1, channels, 1, 1)
        self.gamma = nn.Parameter(torch.ones(shape))
        self.beta = nn.Parameter(torch.zeros(shape))
        self.tau = nn.Parameter(torch.zeros(shape))
        self.eps = eps
        self.inplace = inplace

    def forward(self, x):
        x = FN.frn_normalise(x, self.eps, inplace=self.inplace)  # L
        return FN.tlu(x, self.gamma, self.beta, self.tau)


def build_norm_layer(cfg, channels):
    cfg = dict(cfg)
    layer_type = cfg.pop("type")
    return NORM_LAYERS[layer_type](channels, **cfg)
