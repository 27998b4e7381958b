import torch.nn as nn
import torch.nn.functional as F

from .base import TrackerBase


class SiamFC(TrackerBase):
    def build_backbone(self, cfg):
        return nn.Sequential(
            nn.Conv2d(3, cfg.channels, 3), nn.BatchNorm2d(cfg.channels), nn.ReLU(),
            nn.Conv2d(cfg.channels, cfg.channels, 3),
        )

    def template_shape(self, cfg):
        side = cfg.exemplar_size - 4
        return side, side

    def correlate(self, search, kernel):
        b, c, h, w = search.shape
        if kernel.shape[0] == 1:  # one shared template for the whole batch
            return F.conv2d(search, kernel)
        out = F.conv2d(search.reshape(1, b * c, h, w), kernel, groups=b)
        return out.reshape(b, 1, out.shape[-2], out.shape[-1])
