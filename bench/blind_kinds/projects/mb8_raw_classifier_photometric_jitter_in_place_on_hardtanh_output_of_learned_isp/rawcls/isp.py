"""A learned image signal processor: packed Bayer RAW (4 channels) to RGB in [0, 1]."""
from functools import partial

import torch
import torch.nn as nn
import torch.nn.functional as F

OUTPUT_RANGE = {
    "sigmoid": torch.sigmoid,
    "hardtanh": partial(F.hardtanh, min_val=0.0, max_val=1.0),
}


class LearnedISP(nn.Module):
    def __init__(self, width=8, output="sigmoid"):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(4, width, 3, padding=1), nn.LeakyReLU(0.2),
            nn.Conv2d(width, width, 3, padding=1), nn.LeakyReLU(0.2),
            nn.Conv2d(width, 3, 1),
        )
        self.to_range = OUTPUT_RANGE[output]

    def forward(self, raw):
        return self.to_range(self.body(raw))
