import torch
import torch.nn as nn


class YoloHead(nn.Module):
    """One 1x1 conv per pyramid level; the levels are flattened and concatenated (export friendly):
    (B, sum_l A*H_l*W_l, 5 + classes), with ``level_shapes`` to split them back."""

    def __init__(self, in_channels, anchors_per_level, classes):
        super().__init__()
        self.na = anchors_per_level
        self.no = 5 + classes
        self.convs = nn.ModuleList(nn.Conv2d(c, self.na * self.no, 1) for c in in_channels)
        self.level_shapes = []

    def forward(self, feats):
        outs, self.level_shapes = [], []
        for conv, f in zip(self.convs, feats):
            b, _, h, w = f.shape
            p = conv(f).view(b, self.na, self.no, h, w).permute(0, 1, 3, 4, 2)
            outs.append(p.reshape(b, -1, self.no))
            self.level_shapes.append((h, w))
        return torch.cat(outs, dim=1)
