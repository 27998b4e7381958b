import torch

__all__ = ["scaled_tanh_"]


def scaled_tanh_(x, s=1.7):
    return x.tanh_().mul_(s)  # L
