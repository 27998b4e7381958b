# Source: https://github.com/lyongo/NWPU-MOC/issues/4
# Report: an FPN head builds lateral features with conv+ReLU and then merges
# top-down with `laterals[i - 1] += F.interpolate(laterals[i], ...)`, modifying
# a ReLU output: "output 0 of ReluBackward0, is at version 1". The fix in the
# thread replaces `+=` by an out-of-place sum.
import torch
import torch.nn as nn
import torch.nn.functional as F


class FPNHead(nn.Module):
    def __init__(self, chans=(2, 3, 4), out=4):
        super().__init__()
        self.lateral_convs = nn.ModuleList(
            [nn.Sequential(nn.Conv2d(c, out, 1), nn.ReLU()) for c in chans])

    def forward(self, feats):
        laterals = [conv(f) for conv, f in zip(self.lateral_convs, feats)]
        for i in range(len(laterals) - 1, 0, -1):
            prev_shape = laterals[i - 1].shape[2:]
            laterals[i - 1] += F.interpolate(laterals[i], size=prev_shape, mode="nearest")  # hazard
        return sum(l.sum() for l in laterals)


def run():
    head = FPNHead()
    feats = [torch.randn(1, 2, 8, 8), torch.randn(1, 3, 4, 4), torch.randn(1, 4, 2, 2)]
    head(feats).backward()


if __name__ == "__main__":
    run()
