"""DeepAR's per-series scaling: the network sees inputs divided by a scale, and the distribution
parameters that live in data units are multiplied back by it."""
import torch


def mean_scale(context, eps=1.0):
    return context.abs().mean(dim=1, keepdim=True) + eps


def unscale_(params, scale, names):
    """Rescales the named parameters in place (they are fresh head outputs, no copy needed)."""
    for name in names:
        params[name].mul_(scale)  # L
    return params
