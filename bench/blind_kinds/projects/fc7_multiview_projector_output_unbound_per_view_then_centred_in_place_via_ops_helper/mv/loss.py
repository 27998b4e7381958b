import itertools

import torch.nn as nn
import torch.nn.functional as F

from . import ops


class MultiViewLoss(nn.Module):
    """Mean squared distance between every pair of centred, normalised view embeddings."""

    def __init__(self, n_views):
        super().__init__()
        self.n_views = n_views

    def forward(self, z):
        b = z.shape[0] // self.n_views
        views = [F.normalize(ops.center_(v), dim=1) for v in z.view(self.n_views, b, -1).unbind(0)]  # L
        pairs = list(itertools.combinations(views, 2))
        return sum((a - c).pow(2).sum(1).mean() for a, c in pairs) / len(pairs)
