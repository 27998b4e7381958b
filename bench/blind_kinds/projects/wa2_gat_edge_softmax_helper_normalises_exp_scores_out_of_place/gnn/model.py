import torch.nn as nn
import torch.nn.functional as F

from .layers import GATLayer
from .utils import drop_edges


class GAT(nn.Module):
    def __init__(self, dims, heads=2, edge_drop=0.2):
        super().__init__()
        self.layers = nn.ModuleList(GATLayer(a, b, heads) for a, b in zip(dims[:-1], dims[1:]))
        self.edge_drop = edge_drop

    def forward(self, x, edge_index):
        edge_index = drop_edges(edge_index, self.edge_drop, self.training)
        for i, layer in enumerate(self.layers):
            x = layer(x, edge_index)  # L
            if i < len(self.layers) - 1:
                x = F.elu(x)
        return x


def build_model(cfg):
    return GAT(cfg["dims"], heads=cfg.get("heads", 2), edge_drop=cfg.get("edge_drop", 0.0))
