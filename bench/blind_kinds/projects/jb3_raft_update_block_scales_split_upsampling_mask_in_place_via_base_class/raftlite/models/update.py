import torch.nn as nn

from ..utils.tensor import split_channels
from .base import UpdateBlockBase


class FusedUpdateBlock(UpdateBlockBase):
    """The flow head and the mask head share one conv ("one kernel launch instead of two")."""

    def __init__(self, hidden, context, upsample):
        super().__init__(hidden, context, upsample)
        self.n_mask = 9 * upsample * upsample
        self.trunk = nn.Sequential(nn.Conv2d(hidden, 2 * hidden, 3, padding=1), nn.ReLU())
        self.out = nn.Conv2d(2 * hidden, 2 + self.n_mask, 1)

    def heads(self, net):
        fused = self.out(self.trunk(net))
        delta, mask = split_channels(fused, (2, self.n_mask))  # L
        return delta, mask
