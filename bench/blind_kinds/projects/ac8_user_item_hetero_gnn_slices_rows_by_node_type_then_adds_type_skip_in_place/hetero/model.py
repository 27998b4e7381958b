import torch
import torch.nn as nn
import torch.nn.functional as F

from .graph import NODE_TYPES
from .utils import by_type


class MeanConv(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.lin = nn.Linear(dim, dim)

    def forward(self, x, edge_index, deg):
        src, dst = edge_index
        msg = self.lin(x)[src]
        return torch.zeros_like(x).index_add_(0, dst, msg) / deg.unsqueeze(-1)


class HeteroRecommender(nn.Module):
    def __init__(self, user_features, n_items, dim=16, layers=2):
        super().__init__()
        self.register_buffer("user_features", user_features)
        self.user_in = nn.Linear(user_features.size(1), dim)
        self.item_in = nn.Embedding(n_items, dim)
        self.convs = nn.ModuleList(MeanConv(dim) for _ in range(layers))
        self.skips = nn.ModuleList(nn.ModuleDict({t: nn.Linear(dim, dim) for t in NODE_TYPES}) for _ in range(layers))

    def forward(self, graph):
        edge_index, deg = graph.edge_index(), graph.in_degree()
        h = torch.cat([self.user_in(self.user_features), self.item_in.weight])
        for i, (conv, skips) in enumerate(zip(self.convs, self.skips)):
            inputs = by_type(h, graph.sizes)
            out = conv(h, edge_index, deg)
            for node_type, rows in by_type(out, graph.sizes).items():
                rows.add_(skips[node_type](inputs[node_type]))  # L
            h = F.relu(out) if i < len(self.convs) - 1 else out
        return by_type(h, graph.sizes)
