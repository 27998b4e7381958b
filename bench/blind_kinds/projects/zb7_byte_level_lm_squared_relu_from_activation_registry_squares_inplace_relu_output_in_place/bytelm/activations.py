"""Feed-forward activations by name (Primer's squared ReLU among them)."""
import torch.nn as nn
import torch.nn.functional as F

ACTIVATIONS = {}


def activation(name):
    def register(cls):
        ACTIVATIONS[name] = cls
        return cls
    return register


@activation("gelu")
class GELU(nn.GELU):
    pass


@activation("relu2")
class SquaredReLU(nn.Module):
    """relu(x) ** 2 without a second activation-sized buffer."""

    def forward(self, x):
        x = F.relu(x, inplace=True)
        return x.square_()  # L


def build_activation(name):
    return ACTIVATIONS[name]()
