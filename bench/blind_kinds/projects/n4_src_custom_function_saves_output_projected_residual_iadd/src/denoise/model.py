import torch
import torch.nn as nn

from .blocks import build_block


class Denoiser(nn.Module):
    """Predicts the noise added to a feature vector (a tiny score network)."""

    def __init__(self, dim, blocks, noise_embed=4):
        super().__init__()
        self.inp = nn.Linear(dim + noise_embed, dim)
        self.sigma_embed = nn.Linear(1, noise_embed)
        self.blocks = nn.ModuleList(build_block(dim=dim, **spec) for spec in blocks)
        self.out = nn.Linear(dim, dim)

    def forward(self, x, sigma):
        h = self.inp(torch.cat([x, self.sigma_embed(sigma)], dim=-1))
        for blk in self.blocks:
            h = blk(h)  # L
        return self.out(h)
