import math

import torch
import torch.nn as nn


class DenseHead(nn.Module):
    """Shared conv towers for classification and box regression, A anchors per location."""

    def __init__(self, channels=4, n_anchors=2, n_classes=3, prior=0.01):
        super().__init__()
        self.n_anchors, self.n_classes = n_anchors, n_classes
        self.cls_tower = nn.Sequential(nn.Conv2d(channels, channels, 3, padding=1), nn.ReLU())
        self.box_tower = nn.Sequential(nn.Conv2d(channels, channels, 3, padding=1), nn.ReLU())
        self.cls_out = nn.Conv2d(channels, n_anchors * n_classes, 3, padding=1)
        self.box_out = nn.Conv2d(channels, n_anchors * 4, 3, padding=1)
        with torch.no_grad():
            self.cls_out.bias.fill_(-math.log((1 - prior) / prior))

    @staticmethod
    def _flatten(x, k):
        n = x.shape[0]
        return x.permute(0, 2, 3, 1).reshape(n, -1, k)

    def forward(self, feat):
        cls = self._flatten(self.cls_out(self.cls_tower(feat)), self.n_classes)
        box = self._flatten(self.box_out(self.box_tower(feat)), 4)
        return cls, box
