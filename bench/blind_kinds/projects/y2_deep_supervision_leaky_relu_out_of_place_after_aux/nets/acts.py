"""Activations by name; the trailing-underscore names work in place (saves memory on big stages)."""
from functools import partial

import torch.nn.functional as F

NEGATIVE_SLOPE = 0.2

ACTIVATIONS = {
    "relu": F.relu,
    "leaky_relu": partial(F.leaky_relu, negative_slope=NEGATIVE_SLOPE),
    "leaky_relu_": partial(F.leaky_relu_, negative_slope=NEGATIVE_SLOPE),  # L
    "gelu": F.gelu,
}


def get_activation(name):
    try:
        return ACTIVATIONS[name]
    except KeyError:
        raise ValueError(f"unknown activation {name!r}; choose from {sorted(ACTIVATIONS)}") from None
