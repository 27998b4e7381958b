"""A GCN whose edge weights are learned (one parameter per edge, message = weight * x[src], summed
with index_add_). The weights must stay in [0, 1]; the layer projects them back through .data at the
start of its training forward, before the propagation uses them."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class LearnedEdgeGCN(nn.Module):
    def __init__(self, n_edges, d_in, d_out):
        super().__init__()
        self.edge_weight = nn.Parameter(torch.rand(n_edges) * 1.6 - 0.3)
        self.lin = nn.Linear(d_in, d_out)

    def project_(self):
        self.edge_weight.data.clamp_(0.0, 1.0)  # L

    def propagate(self, x, edge_index):
        src, dst = edge_index
        msg = x[src] * self.edge_weight.unsqueeze(-1)
        return torch.zeros_like(x).index_add_(0, dst, msg) + x

    def forward(self, x, edge_index):
        if self.training:
            self.project_()  # L
        return self.lin(self.propagate(x, edge_index))


def make(n_edges):
    torch.manual_seed(0)
    return nn.ModuleList([LearnedEdgeGCN(n_edges, 4, 8), LearnedEdgeGCN(n_edges, 8, 2)])


def ring_graph(n):
    src = torch.arange(n)
    dst = (src + 1) % n
    return torch.stack([torch.cat([src, dst]), torch.cat([dst, src])])


def forward(layers, x, edge_index):
    h = torch.tanh(layers[0](x, edge_index))
    return layers[1](h, edge_index)


def grads(layers, x, y, edge_index):
    layers.zero_grad()
    F.cross_entropy(forward(layers, x, edge_index), y).backward()
    return [p.grad.clone() for p in layers.parameters()]


def run():
    edge_index = ring_graph(5)
    layers = make(edge_index.shape[1])
    opt = torch.optim.SGD(layers.parameters(), lr=0.1)
    torch.manual_seed(1)
    for _ in range(2):
        x, y = torch.randn(5, 4), torch.randint(0, 2, (5,))
        grads(layers, x, y, edge_index)
        opt.step()


def silent_hazard():
    """The gradient must be the one of the edge weights the propagation used."""
    edge_index = ring_graph(5)
    torch.manual_seed(1)
    x, y = torch.randn(5, 4), torch.randint(0, 2, (5,))
    got = grads(make(edge_index.shape[1]), x, y, edge_index)
    ref_layers = make(edge_index.shape[1]).eval()
    for layer in ref_layers:
        layer.project_()
    ref = grads(ref_layers, x, y, edge_index)
    return any(not torch.allclose(a, b, atol=1e-6) for a, b in zip(got, ref))
