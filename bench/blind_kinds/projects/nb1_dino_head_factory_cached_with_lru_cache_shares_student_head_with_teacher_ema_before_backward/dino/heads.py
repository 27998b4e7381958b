import functools

import torch.nn as nn
import torch.nn.functional as F


class DINOHead(nn.Module):
    def __init__(self, in_dim, out_dim, hidden_dim=24, bottleneck_dim=8):
        super().__init__()
        self.mlp = nn.Sequential(
            nn.Linear(in_dim, hidden_dim), nn.GELU(), nn.Linear(hidden_dim, bottleneck_dim)
        )
        self.last_layer = nn.Linear(bottleneck_dim, out_dim, bias=False)

    def forward(self, x):
        return self.last_layer(F.normalize(self.mlp(x), dim=-1))


HEADS = {"dino": DINOHead}


@functools.lru_cache(maxsize=None)
def build_head(name, in_dim, out_dim, hidden_dim, bottleneck_dim):
    """Look the head class up by name (cached: configs ask for the same head many times)."""
    return HEADS[name](in_dim, out_dim, hidden_dim, bottleneck_dim)
