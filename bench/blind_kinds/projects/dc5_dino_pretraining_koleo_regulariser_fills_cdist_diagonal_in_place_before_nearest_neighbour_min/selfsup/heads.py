import torch.nn as nn
import torch.nn.functional as F


class Backbone(nn.Module):
    def __init__(self, dim_in=12, dim=16):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(dim_in, dim), nn.GELU(), nn.Linear(dim, dim))

    def forward(self, x):
        return self.net(x)


class DINOHead(nn.Module):
    """MLP, L2-normalised bottleneck, weight-normalised prototype layer (as in DINO)."""

    def __init__(self, dim=16, bottleneck=8, out_dim=24):
        super().__init__()
        self.mlp = nn.Sequential(nn.Linear(dim, 32), nn.GELU(), nn.Linear(32, bottleneck))
        self.last_layer = nn.utils.parametrizations.weight_norm(nn.Linear(bottleneck, out_dim, bias=False))

    def forward(self, x):
        return self.last_layer(F.normalize(self.mlp(x), dim=-1))
