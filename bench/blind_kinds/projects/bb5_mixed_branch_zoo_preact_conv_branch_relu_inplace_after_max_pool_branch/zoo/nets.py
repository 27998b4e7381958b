import torch.nn as nn

from .layers import MixedBlock
from .registry import register


@register("mixnet_tiny")
class MixNet(nn.Module):
    def __init__(self, num_classes=5, width=4, depth=2, branches=("pool", "conv3"), act="relu"):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, width, 3, stride=2, padding=1), nn.BatchNorm2d(width))
        blocks, c = [], width
        for _ in range(depth):
            blocks.append(MixedBlock(c, width, branches, act))
            c = blocks[-1].out_channels
        self.blocks = nn.ModuleList(blocks)
        self.head = nn.Linear(c, num_classes)

    def forward(self, x):
        x = self.stem(x)
        for block in self.blocks:
            x = block(x)  # L
        return self.head(x.mean(dim=(2, 3)))
