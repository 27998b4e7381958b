import torch.nn as nn
import torch.nn.functional as F

from .blocks import ConvBlock, Up
from .heads import build_head


class UNet(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        w = cfg["width"]
        self.enc = nn.ModuleList([ConvBlock(3, w), ConvBlock(w, 2 * w)])
        self.mid = ConvBlock(2 * w, 2 * w)
        self.ups = nn.ModuleList([Up(2 * w, 2 * w, w), Up(w, w, w)])
        self.out = nn.Conv2d(w, cfg["n_cls"], 1)
        # deep supervision on the deepest skip
        self.aux = build_head(cfg["aux_head"], 2 * w)

    def forward(self, x):
        skips = []
        for block in self.enc:
            x = block(x)
            skips.append(x)
            x = F.max_pool2d(x, 2)
        x = self.mid(x)
        aux = self.aux(skips[-1])
        for up, skip in zip(self.ups, reversed(skips)):
            x = up(x, skip)
        return self.out(x), aux
