"""Small tensor helpers shared by the losses."""
import torch


@torch.no_grad()
def bound_(t, low, high):
    """Keep a learned scalar in a numerically safe range."""
    t.clamp_(low, high)  # L
    return t
