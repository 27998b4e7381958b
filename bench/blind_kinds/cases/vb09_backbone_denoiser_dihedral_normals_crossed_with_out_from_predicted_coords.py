"""Protein-backbone denoiser: an MLP predicts refined coordinates, and a torsion loss compares
the predicted dihedral angles with the native ones. The dihedral helper computes the two plane
normals with torch.linalg.cross into preallocated workspace buffers (out=) to avoid
allocations per step."""
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


class Denoiser(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(3 * n, 32), nn.SiLU(), nn.Linear(32, 3 * n))

    def forward(self, noisy):
        return noisy + self.net(noisy.flatten()).view_as(noisy)


def torsion_loss(ws, pred, native):
    phi_pred = ws.dihedrals(pred)
    with torch.no_grad():
        phi_nat = ws.dihedrals(native)
    return (1 - torch.cos(phi_pred - phi_nat)).mean()


def run():
    torch.manual_seed(0)
    n = 8
    model, ws = Denoiser(n), DihedralWorkspace(n)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    native = torch.cumsum(torch.randn(n, 3), 0)
    for _ in range(2):
        noisy = native + 0.1 * torch.randn(n, 3)
        opt.zero_grad()
        pred = model(noisy)
        loss = F.mse_loss(pred, native) + torsion_loss(ws, pred, native)
        loss.backward()
        opt.step()
