"""Pre-activation backbone stages: each stage starts with the activation of the previous stage's
(BN) output, so a stage's output is the un-activated BN result that the pyramid taps."""
import torch.nn as nn


def preact_stage(c_in, c_out, stride):
    return nn.Sequential(
        nn.ReLU(inplace=True),  # L
        nn.Conv2d(c_in, c_out, 3, stride, 1, bias=False),
        nn.BatchNorm2d(c_out),
        nn.ReLU(inplace=True),
        nn.Conv2d(c_out, c_out, 3, 1, 1, bias=False),
        nn.BatchNorm2d(c_out),
    )


class PreActBackbone(nn.Module):
    def __init__(self, stem, widths):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, stem, 3, 1, 1, bias=False), nn.BatchNorm2d(stem))
        chans = [stem] + list(widths)
        self.stages = nn.ModuleList(preact_stage(a, b, 2) for a, b in zip(chans[:-1], chans[1:]))

    def forward(self, x):
        feats = []
        x = self.stem(x)
        for stage in self.stages:
            x = stage(x)  # L
            feats.append(x)
        return feats
