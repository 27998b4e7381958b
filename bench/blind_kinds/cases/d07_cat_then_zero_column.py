import torch
import torch.nn as nn


class Fuse(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Linear(3, 2)
        self.b = nn.Linear(3, 2)

    def forward(self, x, drop_first):
        z = torch.cat([torch.tanh(self.a(x)), torch.sigmoid(self.b(x))], dim=1)
        if drop_first:
            z[:, 0] = 0.0  # L
        return z


def run():
    torch.manual_seed(0)
    Fuse()(torch.randn(4, 3), True).sum().backward()
