import torch
import torch.nn as nn
import torch.nn.functional as F

from .layers import GINConv
from .ops import global_add_pool


class GIN(nn.Module):
    def __init__(self, n_feat=5, hidden=8, n_layers=2, n_classes=2, train_eps=False):
        super().__init__()
        dims = [n_feat] + [hidden] * n_layers
        self.convs = nn.ModuleList(GINConv(a, b, train_eps) for a, b in zip(dims[:-1], dims[1:]))
        self.head = nn.Linear(hidden * n_layers, n_classes)

    def forward(self, x, edge_index, batch, n_graphs):
        pooled = []
        for conv in self.convs:
            x = F.relu(conv(x, edge_index))  # L
            pooled.append(global_add_pool(x, batch, n_graphs))
        return self.head(torch.cat(pooled, dim=1))
