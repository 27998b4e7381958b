import torch.nn as nn
from torch.utils.checkpoint import checkpoint

from conf import settings

from .blocks import FeedForward


def _run_block(block, h):
    if settings.GRAD_CHECKPOINT and block.training:
        return checkpoint(block, h, use_reentrant=False)
    return block(h)


class ResidualMLP(nn.Module):
    def __init__(self, d_in, dim=8, depth=3, n_out=1):
        super().__init__()
        self.stem = nn.Linear(d_in, dim)
        self.blocks = nn.ModuleList(FeedForward(dim) for _ in range(depth))
        self.head = nn.Sequential(nn.LayerNorm(dim), nn.Linear(dim, n_out))

    def forward(self, x):
        h = self.stem(x)
        for block in self.blocks:
            if settings.INPLACE_RESIDUAL:
                h += _run_block(block, h)  # L
            else:
                h = h + _run_block(block, h)
        return self.head(h)
