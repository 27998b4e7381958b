"""MeshGraphNets blocks. The edge MLP's first layer reads [e, x_src, x_dst]; with
``edge_input="split"`` it is written as three Linear maps summed (the concat is never built, which
saves memory on large meshes: W [e; a; b] = W_e e + W_a a + W_b b)."""
import torch
import torch.nn as nn


def make_mlp(d_in, hidden, d_out, layer_norm=True):
    layers = [nn.Linear(d_in, hidden), nn.ReLU(), nn.Linear(hidden, d_out)]
    if layer_norm:
        layers.append(nn.LayerNorm(d_out))
    return nn.Sequential(*layers)


class EdgeBlock(nn.Module):
    def __init__(self, d_node, d_edge, hidden, edge_input="concat"):
        super().__init__()
        self.edge_input = edge_input
        if edge_input == "split":
            self.first_e = nn.Linear(d_edge, hidden)
            self.first_src = nn.Linear(d_node, hidden, bias=False)
            self.first_dst = nn.Linear(d_node, hidden, bias=False)
            self.rest = nn.Sequential(nn.ReLU(), nn.Linear(hidden, d_edge), nn.LayerNorm(d_edge))
        else:
            self.mlp = make_mlp(d_edge + 2 * d_node, hidden, d_edge)

    def forward(self, x, edge_attr, edge_index):
        src, dst = edge_index
        if self.edge_input == "split":
            h = self.first_e(edge_attr) + self.first_src(x)[src] + self.first_dst(x)[dst]
            return self.rest(h)
        return self.mlp(torch.cat([edge_attr, x[src], x[dst]], dim=-1))


class NodeBlock(nn.Module):
    def __init__(self, d_node, d_edge, hidden):
        super().__init__()
        self.mlp = make_mlp(d_node + d_edge, hidden, d_node)

    def forward(self, x, edge_attr, edge_index):
        index = edge_index[1].unsqueeze(-1).expand_as(edge_attr)
        agg = torch.zeros(x.shape[0], edge_attr.shape[1]).scatter_add_(0, index, edge_attr)
        return self.mlp(torch.cat([x, agg], dim=-1))
