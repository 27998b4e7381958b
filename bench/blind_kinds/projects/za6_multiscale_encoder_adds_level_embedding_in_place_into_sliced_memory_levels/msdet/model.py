import torch
import torch.nn as nn

from .encoder import Encoder
from .levels import add_level_embed_, flatten_levels, split_levels


class MultiScaleClassifier(nn.Module):
    """Two pyramid levels share one token encoder; a shared head reads each level, told which
    level it reads by a learned level embedding."""

    def __init__(self, dim=8, hidden=16, depth=1, n_classes=3, n_levels=2):
        super().__init__()
        self.stem = nn.Conv2d(1, dim, 3, padding=1)
        self.down = nn.Conv2d(dim, dim, 3, stride=2, padding=1)
        self.encoder = Encoder(dim, hidden, depth)
        self.level_embed = nn.Parameter(torch.randn(n_levels, dim) * 0.1)
        self.head = nn.Linear(dim, n_classes)

    def forward(self, img):
        c1 = torch.relu(self.stem(img))
        c2 = torch.relu(self.down(c1))
        tokens, shapes = flatten_levels([c1, c2])
        memory = self.encoder(tokens)
        levels = add_level_embed_(split_levels(memory, shapes), self.level_embed)  # L
        return sum(self.head(lvl.mean(1)) for lvl in levels)
