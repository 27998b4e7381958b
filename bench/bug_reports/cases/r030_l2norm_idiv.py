# Source: https://github.com/lzx1413/PytorchSSD/issues/72
# Report: SSD's L2Norm layer divides its input by its norm in place,
# `x /= norm`; the norm was computed from x (pow saved x), so backward raises.
# Fix from the thread: `x = x / norm` (or torch.div).
import torch
import torch.nn as nn


class L2Norm(nn.Module):
    def __init__(self, n_channels=4, scale=20.0):
        super().__init__()
        self.weight = nn.Parameter(torch.full((n_channels,), scale))
        self.eps = 1e-10

    def forward(self, x):
        norm = x.pow(2).sum(dim=1, keepdim=True).sqrt() + self.eps
        x /= norm  # hazard
        return self.weight.view(1, -1, 1, 1) * x


def run():
    conv = nn.Conv2d(3, 4, 3, padding=1)
    l2 = L2Norm()
    l2(conv(torch.randn(1, 3, 5, 5))).sum().backward()


if __name__ == "__main__":
    run()
