import math

import torch
import torch.nn as nn

from .masking import fill_padded_


class AttentionPool(nn.Module):
    """Pools a padded sequence with a few learned queries."""

    def __init__(self, dim, n_queries=2, mask_after_softmax=True):
        super().__init__()
        self.queries = nn.Parameter(torch.randn(n_queries, dim) / math.sqrt(dim))
        self.key = nn.Linear(dim, dim)
        self.mask_after_softmax = mask_after_softmax

    def forward(self, x, pad):
        scores = torch.einsum("qd,bkd->bqk", self.queries, self.key(x))
        weights = scores.softmax(-1)
        if self.mask_after_softmax:
            fill_padded_(weights, pad)  # L
            weights = weights / weights.sum(-1, keepdim=True).clamp(min=1e-6)
        return torch.einsum("bqk,bkd->bqd", weights, x).flatten(1)
