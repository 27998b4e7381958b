import torch.nn as nn
import torch.nn.functional as F

from .heads import CoarseMaskHead, PointHead
from .sampling import most_uncertain, paste_points_, point_sample


class MaskRefiner(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg
        self.coarse_head = CoarseMaskHead()
        self.point_head = PointHead()

    def forward(self, coarse_feats, fine_feats):
        coarse = self.coarse_head(coarse_feats)
        up = F.interpolate(coarse, size=fine_feats.shape[-2:], mode="bilinear", align_corners=False)
        idx, coords = most_uncertain(up, self.cfg["points"])
        source = up if self.cfg["sample_coarse_from"] == "upsampled" else coarse
        point_logits = self.point_head(point_sample(fine_feats, coords), point_sample(source, coords))
        return paste_points_(up, idx, point_logits)  # L
