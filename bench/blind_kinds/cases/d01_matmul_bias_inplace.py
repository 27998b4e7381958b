import torch
import torch.nn as nn


class Affine(nn.Module):
    def __init__(self, i, o):
        super().__init__()
        self.w = nn.Parameter(torch.randn(i, o) * 0.1)
        self.b = nn.Parameter(torch.zeros(o))

    def forward(self, x):
        y = x @ self.w
        y += self.b  # L
        y.relu_()  # L
        return y


def run():
    torch.manual_seed(0)
    m = Affine(3, 4)
    m(torch.randn(2, 3, requires_grad=True)).sum().backward()
