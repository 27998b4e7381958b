import torch.nn as nn
import torch.nn.functional as F


class FPN(nn.Module):
    def __init__(self, in_channels, dim):
        super().__init__()
        self.laterals = nn.ModuleList(nn.Conv2d(c, dim, 1) for c in in_channels)
        self.smooth = nn.ModuleList(nn.Conv2d(dim, dim, 3, 1, 1) for _ in in_channels)

    def top_down(self, laterals):
        outs = [laterals[-1]]
        for lat in reversed(laterals[:-1]):
            outs.insert(0, lat + F.interpolate(outs[0], size=lat.shape[-2:], mode="nearest"))
        return [smooth(p) for smooth, p in zip(self.smooth, outs)]

    def forward(self, feats):
        return self.top_down([lat(f) for lat, f in zip(self.laterals, feats)])
