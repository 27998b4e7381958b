import torch
import torch.nn as nn


class PairForceField(nn.Module):
    """A learned radial pair potential V(r) (an MLP in r); forces are -dV/dr along the pair directions."""

    def __init__(self, hidden=16, cutoff=2.5):
        super().__init__()
        self.mlp = nn.Sequential(nn.Linear(1, hidden), nn.Softplus(), nn.Linear(hidden, 1))
        self.cutoff = cutoff

    def pair_energy(self, r):
        smooth = torch.where(r < self.cutoff, (1 - r / self.cutoff) ** 2, torch.zeros_like(r))
        return self.mlp(r.unsqueeze(-1)).squeeze(-1) * smooth

    def forward(self, pos):
        n = pos.shape[0]
        r = torch.cdist(pos, pos) + torch.eye(n)  # unit self-distance keeps the diagonal finite
        offdiag = 1.0 - torch.eye(n)
        # dV/dr by finite differences: the potential stays trainable without a second backward
        h = 1e-3
        dv_dr = (self.pair_energy(r + h) - self.pair_energy(r - h)) / (2 * h) * offdiag
        direction = (pos.unsqueeze(1) - pos.unsqueeze(0)) / r.unsqueeze(-1)
        return -(dv_dr.unsqueeze(-1) * direction).sum(dim=1)
