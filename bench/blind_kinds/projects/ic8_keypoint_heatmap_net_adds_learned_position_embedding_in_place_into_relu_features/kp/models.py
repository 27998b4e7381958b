import torch.nn as nn

from .fusion import PositionEmbeddingMixin


class HeatmapNet(PositionEmbeddingMixin, nn.Module):
    def __init__(self, n_kp=4, c=8, size=16):
        super().__init__()
        self.backbone = nn.Sequential(nn.Conv2d(3, c, 3, padding=1), nn.BatchNorm2d(c), nn.ReLU())
        self.make_position_embedding(c, size, size)
        self.head = nn.Sequential(nn.Conv2d(c, c, 3, padding=1), nn.ReLU(), nn.Conv2d(c, n_kp, 1))

    def forward(self, x):
        feat = self.add_position_(self.backbone(x))  # L
        return self.head(feat)
