import torch.nn as nn
import torch.nn.functional as F

from .layers import ConvNormAct


class FPN(nn.Module):
    """Feature pyramid (Lin et al. 2017): lateral 1x1 ConvNormAct, nearest upsampling added into the
    lateral in place on the way down, then a 3x3 smoothing conv per level."""

    def __init__(self, in_channels, out_channels=8, lateral_act="relu"):
        super().__init__()
        self.lateral = nn.ModuleList(ConvNormAct(c, out_channels, 1, act=lateral_act) for c in in_channels)
        self.smooth = nn.ModuleList(nn.Conv2d(out_channels, out_channels, 3, padding=1) for _ in in_channels)

    def forward(self, feats):
        lat = [layer(f) for layer, f in zip(self.lateral, feats)]
        for i in range(len(lat) - 1, 0, -1):
            lat[i - 1] += F.interpolate(lat[i], size=lat[i - 1].shape[-2:], mode="nearest")  # L
        return [conv(x) for conv, x in zip(self.smooth, lat)]
