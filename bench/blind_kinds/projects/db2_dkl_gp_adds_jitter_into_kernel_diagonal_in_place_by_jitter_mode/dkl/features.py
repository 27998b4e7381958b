import torch.nn as nn


class FeatureExtractor(nn.Sequential):
    """The 'deep' part of deep kernel learning: inputs are mapped to a few features first."""

    def __init__(self, d_in, d_feat, hidden=16):
        super().__init__(nn.Linear(d_in, hidden), nn.ReLU(), nn.Linear(hidden, d_feat), nn.Tanh())
