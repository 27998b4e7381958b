"""HRNet's multi-resolution fusion: output i sums every branch brought to resolution i."""
import torch.nn as nn


def upsample(c_in, c_out, factor):
    return nn.Sequential(nn.Conv2d(c_in, c_out, 1, bias=False), nn.BatchNorm2d(c_out),
                         nn.Upsample(scale_factor=factor, mode="nearest"))


def downsample(c_in, c_out, steps):
    layers = []
    for k in range(steps):
        last = k == steps - 1
        layers += [nn.Conv2d(c_in, c_out if last else c_in, 3, 2, 1, bias=False),
                   nn.BatchNorm2d(c_out if last else c_in)]
        if not last:
            layers.append(nn.ReLU(inplace=True))
    return nn.Sequential(*layers)


class FuseLayer(nn.Module):
    def __init__(self, channels):
        super().__init__()
        n = len(channels)
        self.fuse = nn.ModuleList()
        for i in range(n):
            row = nn.ModuleList()
            for j in range(n):
                if j > i:
                    row.append(upsample(channels[j], channels[i], 2 ** (j - i)))
                elif j < i:
                    row.append(downsample(channels[j], channels[i], i - j))
                else:
                    row.append(nn.Identity())
            self.fuse.append(row)
        self.relu = nn.ReLU(inplace=True)

    def forward(self, xs):
        outs = []
        for i, row in enumerate(self.fuse):
            y = xs[0] if i == 0 else row[0](xs[0])
            for j in range(1, len(xs)):
                y += xs[j] if i == j else row[j](xs[j])  # L
            outs.append(self.relu(y))  # L
        return outs
