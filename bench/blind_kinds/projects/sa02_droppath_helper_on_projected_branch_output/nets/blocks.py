import torch.nn as nn

from .base import ResidualBlock
from .registry import register_block


@register_block("tanh_mlp")
class TanhMLPBlock(ResidualBlock):
    def __init__(self, dim, drop_path=0.0, hidden=16, proj_out=False):
        super().__init__(drop_path)
        if proj_out:
            self.branch = nn.Sequential(nn.Linear(dim, hidden), nn.Tanh(), nn.Linear(hidden, dim))
        else:
            self.branch = nn.Sequential(nn.Linear(dim, dim), nn.Tanh())


@register_block("relu_mlp")
class ReluMLPBlock(ResidualBlock):
    def __init__(self, dim, drop_path=0.0, hidden=16):
        super().__init__(drop_path)
        self.branch = nn.Sequential(nn.Linear(dim, hidden), nn.ReLU(), nn.Linear(hidden, dim))
