import torch
import torch.nn as nn

from .ops import *  # noqa: F401,F403


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Linear(4, 8)
        self.b = nn.Linear(8, 1)

    def forward(self, x):
        h = torch.sigmoid(self.a(x))
        h = scaled_tanh_(h)  # L
        return self.b(h)
