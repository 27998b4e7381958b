import torch
import torch.nn as nn


class GatedUnit(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.proj = nn.Linear(d, 2 * d)
        self.d = d

    def forward(self, x):
        y = self.proj(x)
        y[:, self.d:] *= 0.5  # L
        a, b = y[:, : self.d], y[:, self.d:]
        return a * torch.sigmoid(b)


def run():
    torch.manual_seed(0)
    m = GatedUnit(4)
    m(torch.randn(3, 4)).sum().backward()
