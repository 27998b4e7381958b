"""A GCN over a small graph with learned edge weights (an edge MLP), symmetric normalisation written as
PyG's gcn_norm, with pow(-0.5) (as PyG writes it) for the inverse square root of the degree; isolated nodes give inf,
zeroed in place."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def gcn_norm(edge_index, edge_weight, num_nodes):
    row, col = edge_index
    deg = torch.zeros(num_nodes).index_add_(0, col, edge_weight)
    deg_inv_sqrt = deg.pow(-0.5)
    deg_inv_sqrt.masked_fill_(deg_inv_sqrt == float("inf"), 0.0)  # L
    return deg_inv_sqrt[row] * edge_weight * deg_inv_sqrt[col]


class GCNLayer(nn.Module):
    def __init__(self, d_in, d_out):
        super().__init__()
        self.lin = nn.Linear(d_in, d_out)

    def forward(self, x, edge_index, norm):
        h = self.lin(x)
        row, col = edge_index
        return torch.zeros_like(h).index_add_(0, col, h[row] * norm[:, None])


class EdgeWeightedGCN(nn.Module):
    def __init__(self, d_in=4, hidden=8, n_classes=2, d_edge=3):
        super().__init__()
        self.edge_mlp = nn.Sequential(nn.Linear(d_edge, 4), nn.ReLU(), nn.Linear(4, 1), nn.Softplus())
        self.layers = nn.ModuleList([GCNLayer(d_in, hidden), GCNLayer(hidden, n_classes)])

    def forward(self, x, edge_index, edge_attr):
        w = self.edge_mlp(edge_attr).squeeze(-1)
        norm = gcn_norm(edge_index, w, x.shape[0])
        for i, layer in enumerate(self.layers):
            x = layer(x, edge_index, norm)
            if i < len(self.layers) - 1:
                x = F.relu(x)
        return x


def run():
    torch.manual_seed(0)
    # node 5 has no incoming edge
    edge_index = torch.tensor([[0, 1, 1, 2, 3, 4, 5], [1, 0, 2, 1, 4, 3, 0]])
    model = EdgeWeightedGCN()
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    for _ in range(2):
        x, edge_attr = torch.randn(6, 4), torch.randn(7, 3)
        loss = F.cross_entropy(model(x, edge_index, edge_attr), torch.tensor([0, 1, 0, 1, 1, 0]))
        opt.zero_grad()
        loss.backward()
        opt.step()
