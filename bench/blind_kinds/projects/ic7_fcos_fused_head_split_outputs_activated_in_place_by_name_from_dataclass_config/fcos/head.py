import torch
import torch.nn as nn

from .ops import activate_


class FusedHead(nn.Module):
    """One 3x3 conv for the class logits, the box distances (l, t, r, b) and centerness."""

    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg
        self.tower = nn.Sequential(nn.Conv2d(cfg.channels, cfg.channels, 3, padding=1), nn.ReLU())
        self.out = nn.Conv2d(cfg.channels, cfg.n_cls + 5, 3, padding=1)

    def forward(self, feat):
        cls, box, ctr = torch.split(self.out(self.tower(feat)), [self.cfg.n_cls, 4, 1], dim=1)
        return activate_({"cls": cls, "box": box, "ctr": ctr}, self.cfg.acts)  # L
