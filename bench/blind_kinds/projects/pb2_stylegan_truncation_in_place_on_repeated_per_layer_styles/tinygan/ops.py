import torch


def truncate_(w, w_avg, psi):
    """The truncation trick, w_avg + psi * (w - w_avg), written over w."""
    return w.sub_(w_avg).mul_(psi).add_(w_avg)  # L


def broadcast(w, num_layers):
    return w.unsqueeze(1).repeat(1, num_layers, 1)
