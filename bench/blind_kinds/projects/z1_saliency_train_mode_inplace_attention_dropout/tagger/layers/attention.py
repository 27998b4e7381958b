import math

import torch.nn as nn

from .base import Mixer

__all__ = ["DotAttention"]


class DotAttention(Mixer):
    def __init__(self, dim: int):
        super().__init__(dim)
        self.qkv = nn.Linear(dim, 3 * dim)
        self.out = nn.Linear(dim, dim)

    def attend(self, probs):
        return probs

    def mix(self, x):
        q, k, v = self.qkv(x).chunk(3, dim=-1)
        probs = (q @ k.transpose(-1, -2) / math.sqrt(q.size(-1))).softmax(dim=-1)
        return self.out(self.attend(probs) @ v)  # L
