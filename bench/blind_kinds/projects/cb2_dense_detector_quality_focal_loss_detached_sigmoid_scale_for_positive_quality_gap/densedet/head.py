"""A GFL-style dense head: one classification map whose score is the localisation quality."""
import torch.nn as nn


class DenseHead(nn.Module):
    def __init__(self, in_channels=4, feat=8, num_classes=3, num_convs=2):
        super().__init__()
        tower = []
        for i in range(num_convs):
            tower += [nn.Conv2d(in_channels if i == 0 else feat, feat, 3, padding=1), nn.GroupNorm(2, feat), nn.ReLU()]
        self.tower = nn.Sequential(*tower)
        self.cls = nn.Conv2d(feat, num_classes, 3, padding=1)
        self.num_classes = num_classes

    def forward(self, feats):
        logits = self.cls(self.tower(feats))  # [B, K, H, W]
        return logits.permute(0, 2, 3, 1).reshape(-1, self.num_classes)
