"""Differentiable ranking pieces (Brown et al., 2020, Smooth-AP)."""
import torch


def smoothed_indicator(sim, tau):
    """sg[i, j, k] = sigmoid((s_ik - s_ij) / tau), a soft 'k ranks above j for query i'."""
    diff = sim.unsqueeze(1) - sim.unsqueeze(2)
    return torch.sigmoid(diff / tau)


def exclude_self_pairs_(sg):
    """An item does not rank above itself: drop the k == j terms."""
    sg.diagonal(dim1=-2, dim2=-1).zero_()  # L
    return sg
