import torch
import torch.nn as nn


class CoarseMaskHead(nn.Module):
    def __init__(self, c_in=8):
        super().__init__()
        self.conv = nn.Sequential(nn.Conv2d(c_in, 8, 3, padding=1), nn.ReLU(), nn.Conv2d(8, 1, 1))

    def forward(self, feats):
        return self.conv(feats)


class PointHead(nn.Module):
    """MLP over fine-grained point features concatenated with the coarse prediction at the point."""

    def __init__(self, c_fine=8, hidden=16):
        super().__init__()
        self.mlp = nn.Sequential(nn.Conv1d(c_fine + 1, hidden, 1), nn.ReLU(), nn.Conv1d(hidden, 1, 1))

    def forward(self, fine, coarse):
        return self.mlp(torch.cat([fine, coarse], dim=1))
