from abc import ABC, abstractmethod

import torch.nn as nn

__all__ = ["Mixer"]


class Mixer(nn.Module, ABC):
    """A pre-norm residual token mixer: x + mix(norm(x))."""

    def __init__(self, dim: int):
        super().__init__()
        self.norm = nn.LayerNorm(dim)

    @abstractmethod
    def mix(self, x):
        ...

    def forward(self, x):
        return x + self.mix(self.norm(x))
