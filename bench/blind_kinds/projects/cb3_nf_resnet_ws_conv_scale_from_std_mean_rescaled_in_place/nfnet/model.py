"""A two-block normaliser-free ResNet: x + alpha * f(x / beta), no batch norm."""
from functools import partial

import torch.nn as nn
import torch.nn.functional as F

from .layers import WSConv2d


class NFBlock(nn.Module):
    def __init__(self, channels, conv, alpha=0.2, beta=1.0):
        super().__init__()
        self.conv1 = conv(channels, channels, 3, padding=1)
        self.conv2 = conv(channels, channels, 3, padding=1)
        self.alpha, self.beta = alpha, beta

    def forward(self, x):
        h = self.conv1(F.gelu(x / self.beta))  # L
        return x + self.alpha * self.conv2(F.gelu(h))


class NFNet(nn.Module):
    def __init__(self, in_channels=1, width=4, depth=2, n_classes=3, ws_stat="var"):
        super().__init__()
        conv = partial(WSConv2d, stat=ws_stat)
        self.stem = conv(in_channels, width, 3, padding=1)
        self.blocks = nn.Sequential(*[NFBlock(width, conv) for _ in range(depth)])
        self.head = nn.Linear(width, n_classes)

    def forward(self, x):
        x = self.blocks(self.stem(x))  # L
        return self.head(x.mean(dim=(2, 3)))
