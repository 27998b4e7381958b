"""Protein-backbone fold classifier: the dihedral angles of the input coordinates are the
features of an MLP. The dihedral helper computes the two plane normals with
torch.linalg.cross into preallocated workspace buffers (out=) to avoid allocations per step."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class DihedralWorkspace:
    def __init__(self, n):
        self.n1 = torch.empty(n - 3, 3)
        self.n2 = torch.empty(n - 3, 3)

    def dihedrals(self, x):
        b0, b1, b2 = x[1:-2] - x[:-3], x[2:-1] - x[1:-2], x[3:] - x[2:-1]
        torch.linalg.cross(b0, b1, out=self.n1)  # L
        torch.linalg.cross(b1, b2, out=self.n2)  # L
        m = torch.linalg.cross(self.n1, F.normalize(b1, dim=-1))
        return torch.atan2((m * self.n2).sum(-1), (self.n1 * self.n2).sum(-1))


class FoldClassifier(nn.Module):
    def __init__(self, n, n_folds=3):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(2 * (n - 3), 32), nn.SiLU(), nn.Linear(32, n_folds))

    def forward(self, phi):
        return self.net(torch.cat([phi.sin(), phi.cos()]))


def run():
    torch.manual_seed(0)
    n = 8
    model, ws = FoldClassifier(n), DihedralWorkspace(n)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        coords, fold = torch.cumsum(torch.randn(n, 3), 0), torch.randint(0, 3, ())
        opt.zero_grad()
        loss = F.cross_entropy(model(ws.dihedrals(coords)), fold)
        loss.backward()
        opt.step()
