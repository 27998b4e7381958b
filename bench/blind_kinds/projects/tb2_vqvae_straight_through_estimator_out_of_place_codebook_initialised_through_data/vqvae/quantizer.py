import torch
import torch.nn as nn
import torch.nn.functional as F

from . import ops


class VectorQuantizer(nn.Module):
    """VQ-VAE bottleneck (van den Oord et al., 2017) with the codebook and commitment losses."""

    def __init__(self, num_codes, dim, beta=0.25):
        super().__init__()
        self.codebook = nn.Embedding(num_codes, dim)
        self.codebook.weight.data.uniform_(-1 / num_codes, 1 / num_codes)  # L
        self.beta = beta

    def forward(self, z):
        b, c, h, w = z.shape
        flat = z.permute(0, 2, 3, 1).reshape(-1, c)
        idx = ops.nearest_code(flat.detach(), self.codebook.weight)
        zq = self.codebook(idx).view(b, h, w, c).permute(0, 3, 1, 2)
        codebook_loss = F.mse_loss(zq, z.detach())
        commitment_loss = F.mse_loss(z, zq.detach())
        z_st = ops.straight_through(z, zq)
        return z_st, codebook_loss + self.beta * commitment_loss, idx
