import torch
import torch.nn as nn

from .functional import layer_norm


class FastLayerNorm(nn.Module):
    def __init__(self, d, eps=1e-5):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(d))
        self.bias = nn.Parameter(torch.zeros(d))
        self.eps = eps

    def forward(self, x):
        y = layer_norm(x, self.eps)
        return y.mul_(self.weight).add_(self.bias)  # L
