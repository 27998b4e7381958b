"""E(n)-equivariant GNN (Satorras et al.) on a toy point cloud. Each layer reads the squared
distances of the edges from gathered endpoint differences, builds messages and moves the coordinates in place with
index_add_ (x_i += sum_j (x_i - x_j) * phi_x(m_ij)) to avoid a copy per layer."""
import torch
import torch.nn as nn


def pairwise_sq_dist(pos, src, dst):
    return (pos[src] - pos[dst]).pow(2).sum(-1, keepdim=True)


class EGNNLayer(nn.Module):
    def __init__(self, dim, dist_fn):
        super().__init__()
        self.dist_fn = dist_fn
        self.phi_e = nn.Sequential(nn.Linear(2 * dim + 1, dim), nn.SiLU())
        self.phi_x = nn.Linear(dim, 1)
        self.phi_h = nn.Sequential(nn.Linear(2 * dim, dim), nn.SiLU())

    def forward(self, h, pos, edges):
        src, dst = edges
        d2 = self.dist_fn(pos, src, dst)
        m = self.phi_e(torch.cat([h[src], h[dst], d2], dim=-1))
        trans = (pos[src] - pos[dst]) * self.phi_x(m)
        pos.index_add_(0, src, trans)  # L
        agg = torch.zeros_like(h).index_add_(0, src, m)
        return h + self.phi_h(torch.cat([h, agg], dim=-1)), pos


class EGNN(nn.Module):
    def __init__(self, dim=8, depth=2, dist_fn=pairwise_sq_dist):
        super().__init__()
        self.embed = nn.Linear(3, dim)
        self.layers = nn.ModuleList(EGNNLayer(dim, dist_fn) for _ in range(depth))

    def forward(self, z, pos, edges):
        h, pos = self.embed(z), pos.clone()
        for layer in self.layers:
            h, pos = layer(h, pos, edges)
        return h, pos


def run():
    torch.manual_seed(0)
    n = 5
    src, dst = zip(*[(i, j) for i in range(n) for j in range(n) if i != j])
    edges = torch.tensor(src), torch.tensor(dst)
    model = EGNN()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    z, pos, target = torch.randn(n, 3), torch.randn(n, 3), torch.randn(n, 3)
    for _ in range(2):
        opt.zero_grad()
        h, out = model(z, pos, edges)
        loss = (out - target).pow(2).mean() + h.pow(2).mean()
        loss.backward()
        opt.step()
