"""A pre-activation variant of the ShuffleNetV2 stride-1 unit: the branch half is activated first
(the unit's input is the previous unit's un-activated BN output)."""
import torch.nn as nn

from .ops import SPLITTERS, channel_shuffle, concat


def act_conv_bn(c_in, c_out, k, groups=1):
    return [nn.ReLU(inplace=True), nn.Conv2d(c_in, c_out, k, 1, k // 2, groups=groups, bias=False),  # L
            nn.BatchNorm2d(c_out)]


class PreActShuffleUnit(nn.Module):
    def __init__(self, channels, split="chunk"):
        super().__init__()
        half = channels // 2
        self.split = SPLITTERS[split]
        self.branch = nn.Sequential(
            *act_conv_bn(half, half, 1),
            nn.Conv2d(half, half, 3, 1, 1, groups=half, bias=False),
            nn.BatchNorm2d(half),
            *act_conv_bn(half, half, 1),
        )

    def forward(self, x):
        keep, active = self.split(x)
        return channel_shuffle(concat(keep, self.branch(active)))  # L
