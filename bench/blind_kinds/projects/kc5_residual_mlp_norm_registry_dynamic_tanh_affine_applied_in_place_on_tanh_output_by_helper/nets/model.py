import torch.nn as nn

from .norms import NORMS


class Block(nn.Module):
    def __init__(self, dim, norm):
        super().__init__()
        self.norm = NORMS[norm](dim)
        self.ff = nn.Sequential(nn.Linear(dim, 2 * dim), nn.GELU(), nn.Linear(2 * dim, dim))

    def forward(self, x):
        return x + self.ff(self.norm(x))


class ResidualMLP(nn.Module):
    def __init__(self, dim, depth, norm):
        super().__init__()
        self.blocks = nn.ModuleList(Block(dim, norm) for _ in range(depth))
        self.final = NORMS[norm](dim)

    def forward(self, x):
        for block in self.blocks:
            x = block(x)
        return self.final(x)
