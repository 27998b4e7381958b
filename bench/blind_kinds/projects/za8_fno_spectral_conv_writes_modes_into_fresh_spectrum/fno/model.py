import torch
import torch.nn as nn
import torch.nn.functional as F

from .spectral import SpectralConv1d


class FNO1d(nn.Module):
    def __init__(self, modes=4, width=8, depth=2, reuse_spectrum=False):
        super().__init__()
        self.lift = nn.Linear(2, width)
        self.spectral = nn.ModuleList(SpectralConv1d(width, modes, reuse_spectrum) for _ in range(depth))
        self.pointwise = nn.ModuleList(nn.Conv1d(width, width, 1) for _ in range(depth))
        self.proj = nn.Sequential(nn.Linear(width, 16), nn.GELU(), nn.Linear(16, 1))

    def forward(self, u, grid):
        x = self.lift(torch.stack([u, grid], dim=-1)).permute(0, 2, 1)
        for spec, pw in zip(self.spectral, self.pointwise):
            x = F.gelu(spec(x) + pw(x))  # L
        return self.proj(x.permute(0, 2, 1)).squeeze(-1)

