# False-alarm shape from an unseen library (bench/results/unseen_libraries.md):
# a Gaussian kernel built in __init__ from the items of a Sequence[float] parameter: arange/exp of floats never requires grad (kornia MS_SSIMLoss). Fires 1 warning.
# Runs and backpropagates cleanly under torch 2.13.
from typing import Sequence

import torch
import torch.nn as nn


class Blur(nn.Module):
    def __init__(self, sigmas: Sequence[float] = (0.5, 1.0, 2.0)):
        super().__init__()
        masks = torch.stack([self._gauss(5, sigma) for sigma in sigmas])
        self.register_buffer("masks", masks.unsqueeze(1), persistent=False)

    def _gauss(self, size: int, sigma: float, dtype=None):
        coords = torch.arange(size, dtype=dtype)
        coords -= size // 2
        g = torch.exp(-(coords**2) / (2 * sigma**2))
        g /= g.sum()
        return g

    def forward(self, x):
        return nn.functional.conv1d(x, self.masks)


def main():
    x = torch.randn(1, 1, 9, requires_grad=True)
    Blur()(x).sum().backward()


main()
