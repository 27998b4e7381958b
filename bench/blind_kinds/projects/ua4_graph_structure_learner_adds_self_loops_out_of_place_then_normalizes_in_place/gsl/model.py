import torch.nn as nn
import torch.nn.functional as F

from . import graph_ops
from .layers import GCNLayer, StructureLearner


class GSLNet(nn.Module):
    def __init__(self, in_dim, hidden, n_classes, emb_dim=8):
        super().__init__()
        self.learner = StructureLearner(in_dim, emb_dim)
        dims = [in_dim, hidden, n_classes]
        self.layers = nn.ModuleList(GCNLayer(a, b) for a, b in zip(dims, dims[1:]))

    def graph(self, x):
        adj = self.learner(x)
        adj = graph_ops.add_self_loops(adj)
        return graph_ops.row_normalize_(adj)  # L

    def forward(self, x):
        adj = self.graph(x)
        h = x
        for i, layer in enumerate(self.layers):
            h = layer(h, adj)
            if i < len(self.layers) - 1:
                h = F.dropout(F.relu(h), 0.2, self.training)
        return h
