import math

import torch
import torch.nn as nn

from .graph import CosineCutoff


class ExpNormalSmearing(nn.Module):
    """TorchMD-Net's radial basis: exp(-beta * (exp(-alpha * d) - mu)^2), learnable mu and beta."""

    def __init__(self, n_rbf, cutoff):
        super().__init__()
        self.alpha = 5.0 / cutoff
        start = math.exp(-cutoff)
        self.means = nn.Parameter(torch.linspace(start, 1.0, n_rbf))
        self.betas = nn.Parameter(torch.full((n_rbf,), (2.0 / n_rbf * (1 - start)) ** -2))
        self.cutoff_fn = CosineCutoff(cutoff)

    def forward(self, d):
        d = d.unsqueeze(-1)
        rbf = torch.exp(-self.betas * (torch.exp(-self.alpha * d) - self.means) ** 2)
        return self.cutoff_fn.apply_(rbf, d.squeeze(-1))  # L


class Interaction(nn.Module):
    def __init__(self, width, n_rbf):
        super().__init__()
        self.filter = nn.Sequential(nn.Linear(n_rbf, width), nn.SiLU(), nn.Linear(width, width))
        self.update = nn.Sequential(nn.Linear(width, width), nn.SiLU(), nn.Linear(width, width))

    def forward(self, h, rbf, src, dst):
        msg = h[src] * self.filter(rbf)
        return h + self.update(torch.zeros_like(h).index_add_(0, dst, msg))


class InteractionNet(nn.Module):
    def __init__(self, n_types, width, n_rbf, cutoff, n_interactions=2):
        super().__init__()
        self.embed = nn.Embedding(n_types, width)
        self.rbf = ExpNormalSmearing(n_rbf, cutoff)
        self.interactions = nn.ModuleList(Interaction(width, n_rbf) for _ in range(n_interactions))
        self.readout = nn.Linear(width, 1)

    def forward(self, z, pos, edges):
        src, dst = edges
        rbf = self.rbf((pos[src] - pos[dst]).norm(dim=-1))  # L
        h = self.embed(z)
        for block in self.interactions:
            h = block(h, rbf, src, dst)
        return self.readout(h).sum()
