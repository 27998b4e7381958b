"""A GCN over a sensor graph whose edge weights are learned from the edge distances (a small
kernel network), normalised as PyG's gcn_norm does: self-loops, the weighted in-degree by a
scatter-add, deg.pow_(-0.5) computed in place and isolated nodes' infinities zeroed in place."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def add_self_loops(edge_index, edge_weight, num_nodes):
    loop = torch.arange(num_nodes)
    edge_index = torch.cat([edge_index, torch.stack([loop, loop])], 1)
    return edge_index, torch.cat([edge_weight, edge_weight.new_ones(num_nodes)])


def gcn_norm(edge_index, edge_weight, num_nodes):
    edge_index, edge_weight = add_self_loops(edge_index, edge_weight, num_nodes)
    src, dst = edge_index
    deg = edge_weight.new_zeros(num_nodes).index_add_(0, dst, edge_weight)
    deg_inv_sqrt = deg.pow_(-0.5)  # L
    deg_inv_sqrt.masked_fill_(torch.isinf(deg_inv_sqrt), 0.0)  # L
    return edge_index, deg_inv_sqrt[src] * edge_weight * deg_inv_sqrt[dst]


class GCNConv(nn.Module):
    def __init__(self, d_in, d_out):
        super().__init__()
        self.lin = nn.Linear(d_in, d_out)

    def forward(self, x, edge_index, norm):
        h = self.lin(x)
        src, dst = edge_index
        return torch.zeros_like(h).index_add_(0, dst, h[src] * norm.unsqueeze(-1))


class SensorGCN(nn.Module):
    def __init__(self, d_in=4, hidden=8):
        super().__init__()
        self.kernel = nn.Sequential(nn.Linear(1, 8), nn.Tanh(), nn.Linear(8, 1))
        self.convs = nn.ModuleList([GCNConv(d_in, hidden), GCNConv(hidden, 1)])

    def forward(self, x, edge_index, dist):
        edge_weight = torch.sigmoid(self.kernel(dist.unsqueeze(-1))).squeeze(-1)
        edge_index, norm = gcn_norm(edge_index, edge_weight, x.size(0))
        for i, conv in enumerate(self.convs):
            x = conv(x, edge_index, norm)
            if i < len(self.convs) - 1:
                x = F.relu(x)
        return x.squeeze(-1)


def run():
    torch.manual_seed(0)
    n = 7
    edge_index = torch.tensor([[0, 1, 1, 2, 3, 4, 5], [1, 0, 2, 1, 4, 3, 4]])
    dist = torch.rand(edge_index.size(1))
    model = SensorGCN()
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    for _ in range(2):
        x, y = torch.randn(n, 4), torch.randn(n)
        loss = F.mse_loss(model(x, edge_index, dist), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
