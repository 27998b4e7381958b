import math
from functools import partial

import torch
import torch.nn as nn
import torch.nn.functional as F


def exp_sigmoid(x, exponent=10.0, max_value=2.0, threshold=1e-7):
    # DDSP's "modified sigmoid": positive, saturating, gradient-friendly near zero
    return max_value * torch.sigmoid(x) ** math.log(exponent) + threshold


NORMALISERS = {
    "softmax": partial(F.softmax, dim=-1),
    "exp_sigmoid": exp_sigmoid,
}


class Decoder(nn.Module):
    """Frame-wise MLP from (f0, loudness) to overall amplitude and harmonic distribution."""

    def __init__(self, n_harmonics, harm_norm="softmax", width=32):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(2, width), nn.LayerNorm(width), nn.LeakyReLU())
        self.amp = nn.Linear(width, 1)
        self.harm = nn.Linear(width, n_harmonics)
        self.normalise = NORMALISERS[harm_norm]

    def forward(self, f0, loudness):
        h = self.body(torch.cat([f0.unsqueeze(-1) / 1000.0, loudness], dim=-1))
        return exp_sigmoid(self.amp(h)), self.normalise(self.harm(h))
