import torch
import torch.nn as nn

from .ops import peel_, straight_through


class VectorQuantizer(nn.Module):
    def __init__(self, n_codes, dim):
        super().__init__()
        self.codebook = nn.Parameter(torch.randn(n_codes, dim))

    def forward(self, x):
        idx = torch.cdist(x, self.codebook).argmin(dim=1)
        q = self.codebook[idx]
        codebook_loss = ((q - x.detach()) ** 2).mean()
        commit_loss = ((x - q.detach()) ** 2).mean()
        return q, idx, codebook_loss + 0.25 * commit_loss


class ResidualVQ(nn.Module):
    def __init__(self, n_q=3, n_codes=8, dim=4):
        super().__init__()
        self.layers = nn.ModuleList(VectorQuantizer(n_codes, dim) for _ in range(n_q))

    def forward(self, z):
        residual, out, losses = z, torch.zeros_like(z), []
        for layer in self.layers:
            q, _, vq_loss = layer(residual)
            out = out + straight_through(residual, q)
            losses.append(vq_loss)
            residual = peel_(residual, q)  # L
        return out, sum(losses)
