"""Bridges from a bidirectional encoder's final states to a unidirectional decoder's initial state."""
import torch

BRIDGES = {}


def bridge(name):
    def deco(fn):
        BRIDGES[name] = fn
        return fn
    return deco


@bridge("sum")
def sum_directions(h_n, num_layers):
    """[layers * 2, B, H] -> [layers, B, H]: each layer's forward and backward states summed."""
    h = h_n.view(num_layers, 2, *h_n.shape[1:])
    fwd, bwd = h[:, 0], h[:, 1]
    fwd += bwd  # L
    return fwd


@bridge("last")
def last_direction(h_n, num_layers):
    return h_n.view(num_layers, 2, *h_n.shape[1:])[:, -1].contiguous()


@bridge("mean")
def mean_directions(h_n, num_layers):
    return torch.mean(h_n.view(num_layers, 2, *h_n.shape[1:]), dim=1)
