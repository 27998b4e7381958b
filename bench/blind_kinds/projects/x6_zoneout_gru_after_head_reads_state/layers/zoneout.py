"""Zoneout (Krueger et al. 2016): each unit keeps its previous value with probability p."""
import torch

from .registry import register


@register("zoneout")
def zoneout_(h_new, h_prev, p=0.1, training=True):
    if not training or p == 0.0:
        return h_new
    keep_prev = torch.rand_like(h_new) < p
    h_new[keep_prev] = h_prev[keep_prev]  # L
    return h_new
