import torch
import torch.nn as nn

from .cross import CrossNetwork
from .features import FeatureEmbedder


class DCN(nn.Module):
    def __init__(self, fields, dense_dim, n_cross=2, deep=(16, 8)):
        super().__init__()
        self.embedder = FeatureEmbedder(fields, dense_dim)
        dim = self.embedder.out_dim
        self.cross = CrossNetwork(dim, n_cross)
        layers, prev = [], dim
        for width in deep:
            layers += [nn.Linear(prev, width), nn.ReLU()]
            prev = width
        self.deep = nn.Sequential(*layers)
        self.head = nn.Linear(dim + prev, 1)

    def forward(self, sparse, dense):
        x0 = self.embedder(sparse, dense)
        deep_out = self.deep(x0)
        cross_out = self.cross(x0)  # L
        return self.head(torch.cat([cross_out, deep_out], -1)).squeeze(-1)
