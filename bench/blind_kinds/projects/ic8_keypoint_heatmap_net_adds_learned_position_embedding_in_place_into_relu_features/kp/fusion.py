import torch
import torch.nn as nn


class PositionEmbeddingMixin:
    """A learned per-pixel embedding added to the backbone features, to give the heatmap head
    absolute position (cheaper than CoordConv's extra channels)."""

    def make_position_embedding(self, c, h, w):
        self.pos = nn.Parameter(torch.zeros(1, c, h, w))

    def add_position_(self, feat):
        feat += self.pos  # L
        return feat
