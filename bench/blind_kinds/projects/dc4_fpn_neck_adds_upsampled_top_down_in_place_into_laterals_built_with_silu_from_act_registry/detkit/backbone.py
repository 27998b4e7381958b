import torch.nn as nn

from .layers import ConvNormAct


class TinyBackbone(nn.Module):
    """Three stages at strides 2, 4 and 8, returned as C3..C5."""

    def __init__(self, widths=(8, 16, 32)):
        super().__init__()
        cin = 3
        self.stages = nn.ModuleList()
        for w in widths:
            self.stages.append(ConvNormAct(cin, w, k=3, stride=2, act="silu"))
            cin = w

    def forward(self, x):
        feats = []
        for stage in self.stages:
            x = stage(x)
            feats.append(x)
        return feats
