import torch.nn as nn

from .blocks import make_branch
from .fuse import FuseLayer


class TinyHRNet(nn.Module):
    """Stem, two parallel branches (1/2 and 1/4 resolution), one fusion, heatmap head."""

    def __init__(self, joints=3, widths=(8, 16), depth=1):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, widths[0], 3, 2, 1, bias=False),
                                  nn.BatchNorm2d(widths[0]), nn.ReLU(inplace=True))
        self.transition = nn.Sequential(nn.Conv2d(widths[0], widths[1], 3, 2, 1, bias=False),
                                        nn.BatchNorm2d(widths[1]), nn.ReLU(inplace=True))
        self.branches = nn.ModuleList(make_branch(w, depth) for w in widths)
        self.fuse = FuseLayer(list(widths))
        self.final = nn.Conv2d(widths[0], joints, 1)

    def forward(self, x):
        x = self.stem(x)
        xs = [x, self.transition(x)]
        xs = [branch(t) for branch, t in zip(self.branches, xs)]
        xs = self.fuse(xs)  # L
        return self.final(xs[0])
