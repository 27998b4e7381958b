import math

import torch
import torch.nn as nn


class StructureLearner(nn.Module):
    """Learns a dense graph from node features: A_ij = sigmoid(<e_i, e_j> / sqrt(d))."""

    def __init__(self, in_dim, emb_dim):
        super().__init__()
        self.proj = nn.Linear(in_dim, emb_dim)

    def forward(self, x):
        emb = self.proj(x)
        return torch.sigmoid(emb @ emb.t() / math.sqrt(emb.shape[1]))


class GCNLayer(nn.Module):
    def __init__(self, in_dim, out_dim):
        super().__init__()
        self.lin = nn.Linear(in_dim, out_dim)

    def forward(self, x, adj):
        return adj @ self.lin(x)
