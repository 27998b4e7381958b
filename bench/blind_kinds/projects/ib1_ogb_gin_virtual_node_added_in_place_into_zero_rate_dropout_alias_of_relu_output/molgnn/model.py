import torch
import torch.nn as nn

from .node import VirtualNodeGNN, global_add_pool


class GNN(nn.Module):
    """Graph property prediction head over the virtual-node GIN (mean pooling)."""

    def __init__(self, num_tasks=1, num_layer=3, emb_dim=16, drop_ratio=0.5, residual=False):
        super().__init__()
        self.gnn_node = VirtualNodeGNN(num_layer, emb_dim, drop_ratio=drop_ratio, residual=residual)
        self.graph_pred_linear = nn.Linear(emb_dim, num_tasks)

    def forward(self, graph):
        h = self.gnn_node(graph["x"], graph["edge_index"], graph["edge_attr"], graph["batch"], graph["n_graphs"])  # L
        counts = torch.bincount(graph["batch"], minlength=graph["n_graphs"]).clamp(min=1).unsqueeze(1)
        h_graph = global_add_pool(h, graph["batch"], graph["n_graphs"]) / counts
        return self.graph_pred_linear(h_graph)
