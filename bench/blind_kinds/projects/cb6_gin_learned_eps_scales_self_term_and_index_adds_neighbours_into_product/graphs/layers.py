import torch
import torch.nn as nn

from .ops import aggregate_into_


class GINConv(nn.Module):
    """h' = MLP((1 + eps) h + sum of neighbours), Xu et al. 2019."""

    def __init__(self, d_in, d_out, train_eps=False):
        super().__init__()
        self.mlp = nn.Sequential(nn.Linear(d_in, d_out), nn.ReLU(), nn.Linear(d_out, d_out))
        # with a fixed eps = 0 the self term is h itself: skip the multiply
        self.eps = nn.Parameter(torch.zeros(1)) if train_eps else None

    def forward(self, h, edge_index):
        out = h if self.eps is None else (1 + self.eps) * h
        out = aggregate_into_(out, h, edge_index)  # L
        return self.mlp(out)
