import torch
import torch.nn as nn


class GatedUnit(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.proj = nn.Linear(d, 2 * d)

    def forward(self, x):
        a, b = self.proj(x).chunk(2, dim=-1)
        b.sigmoid_()  # L
        return a * b


def run():
    torch.manual_seed(0)
    m = GatedUnit(4)
    m(torch.randn(3, 4)).sum().backward()
