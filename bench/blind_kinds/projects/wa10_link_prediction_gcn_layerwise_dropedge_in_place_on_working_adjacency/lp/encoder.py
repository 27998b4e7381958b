import torch.nn as nn
import torch.nn.functional as F

from . import graph


class GCNEncoder(nn.Module):
    def __init__(self, adj, dims, edge_drop=0.2, layerwise=True):
        super().__init__()
        self.register_buffer("adj", adj)
        self.lins = nn.ModuleList(nn.Linear(a, b) for a, b in zip(dims[:-1], dims[1:]))
        self.edge_drop, self.layerwise = edge_drop, layerwise

    def forward(self, x):
        adj = self.adj.clone()  # a working copy: the stored graph stays intact
        for i, lin in enumerate(self.lins):
            if self.training and (self.layerwise or i == 0):
                graph.drop_edges_(adj, self.edge_drop)  # L
            x = adj @ lin(x)
            if i < len(self.lins) - 1:
                x = F.relu(x)
        return x
