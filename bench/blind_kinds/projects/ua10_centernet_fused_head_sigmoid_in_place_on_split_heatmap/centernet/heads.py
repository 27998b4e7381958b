"""One 1x1 conv predicts every CenterNet output; the channels are split into the named maps."""
import torch.nn as nn

from .utils import _sigmoid


class FusedCenterHead(nn.Module):
    def __init__(self, in_ch, n_classes, head_conv=8):
        super().__init__()
        self.sizes = {"hm": n_classes, "wh": 2, "reg": 2}
        self.body = nn.Sequential(nn.Conv2d(in_ch, head_conv, 3, padding=1), nn.ReLU(inplace=True))
        self.out = nn.Conv2d(head_conv, sum(self.sizes.values()), 1)

    def forward(self, feats):
        maps = dict(zip(self.sizes, self.out(self.body(feats)).split(list(self.sizes.values()), dim=1)))
        maps["hm"] = _sigmoid(maps["hm"])  # L
        return maps
