import functools
from abc import ABC, abstractmethod

import torch
import torch.nn as nn
import torch.nn.functional as F


class ResidualBase(nn.Module, ABC):
    """x -> combine(x, branch(norm(x))); subclasses say how the branch is merged back."""

    def __init__(self, dim):
        super().__init__()
        self.norm = nn.LayerNorm(dim)
        self.branch = self.make_branch(dim)

    @abstractmethod
    def make_branch(self, dim) -> nn.Module:
        ...

    @abstractmethod
    def combine(self, x, fx):
        ...

    def forward(self, x):
        return self.combine(x, self.branch(self.norm(x)))


class MLPResidual(ResidualBase):
    def make_branch(self, dim):
        return nn.Sequential(nn.Linear(dim, 2 * dim), nn.GELU(), nn.Linear(2 * dim, dim))

    def combine(self, x, fx):
        # saves a fresh allocation per block
        fx += x  # L
        return fx


class Tower(nn.Module):
    def __init__(self, d_in=5, dim=8, depth=3, n_out=3):
        super().__init__()
        self.stem = nn.Linear(d_in, dim)
        self.blocks = nn.ModuleList(MLPResidual(dim) for _ in range(depth))
        self.head = nn.Linear(dim, n_out)

    def forward(self, x):
        h = functools.reduce(lambda acc, block: block(acc), self.blocks, self.stem(x))  # L
        return self.head(h)


def run():
    torch.manual_seed(0)
    model = Tower()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
    for _ in range(2):
        x, y = torch.randn(6, 5), torch.randint(0, 3, (6,))
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
