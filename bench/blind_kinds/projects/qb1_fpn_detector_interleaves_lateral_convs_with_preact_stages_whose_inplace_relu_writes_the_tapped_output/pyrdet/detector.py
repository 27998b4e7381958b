import torch
import torch.nn as nn

from .fpn import FPN
from .stages import PreActBackbone


class PyramidDetector(nn.Module):
    """Dense detector: objectness and 4 box offsets per location of every pyramid level."""

    def __init__(self, cfg):
        super().__init__()
        self.backbone = PreActBackbone(cfg["stem"], cfg["widths"])
        self.fpn = FPN(cfg["widths"], cfg["fpn_dim"])
        self.head = nn.Conv2d(cfg["fpn_dim"], 5, 3, 1, 1)
        # computing each lateral right after its stage frees the stage output early
        self.interleave = cfg["interleave_laterals"]

    def pyramid(self, x):
        if not self.interleave:
            return self.fpn(self.backbone(x))
        laterals = []
        x = self.backbone.stem(x)
        for stage, lateral in zip(self.backbone.stages, self.fpn.laterals):
            x = stage(x)  # L
            laterals.append(lateral(x))
        return self.fpn.top_down(laterals)

    def forward(self, images):
        preds = [self.head(p).flatten(2) for p in self.pyramid(images)]  # L
        return torch.cat(preds, 2).transpose(1, 2)
