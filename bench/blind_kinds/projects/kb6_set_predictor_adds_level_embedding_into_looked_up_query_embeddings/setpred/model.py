import torch.nn as nn

from .layers import QueryDecoder


class SetPredictor(nn.Module):
    """Encodes a set of points and decodes a fixed number of slots, each a 2-d location."""

    def __init__(self, cfg):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(cfg.d_in, cfg.d_model), nn.ReLU(), nn.Linear(cfg.d_model, cfg.d_model))
        self.decoder = QueryDecoder(cfg)
        self.box = nn.Linear(cfg.d_model, 2)

    def forward(self, points):
        return self.box(self.decoder(self.encoder(points)))  # L
