"""Vector quantizers by name.  Both keep the codebook as an nn.Parameter and report which code
each vector chose, so callbacks can track code usage."""
import torch
import torch.nn as nn
import torch.nn.functional as F

QUANTIZERS = {}


def register(name):
    def deco(cls):
        QUANTIZERS[name] = cls
        return cls
    return deco


class _Base(nn.Module):
    def __init__(self, num_codes, dim, beta=0.25):
        super().__init__()
        self.codebook = nn.Parameter(torch.randn(num_codes, dim))
        self.beta = beta


@register("hard")
class HardVQ(_Base):
    """van den Oord et al.: nearest code, straight-through gradient, codebook + commitment loss."""

    def forward(self, z):
        idx = torch.cdist(z.detach(), self.codebook.detach()).argmin(1)
        zq = F.embedding(idx, self.codebook)
        loss = F.mse_loss(zq, z.detach()) + self.beta * F.mse_loss(z, zq.detach())
        return z + (zq - z).detach(), idx, loss


@register("soft")
class SoftVQ(_Base):
    """Soft assignment annealed towards hard (soft-to-hard VQ): a convex mix of the codes."""

    def __init__(self, num_codes, dim, beta=0.25, tau=0.5):
        super().__init__(num_codes, dim, beta)
        self.tau = tau

    def forward(self, z):
        probs = F.softmax(-torch.cdist(z, self.codebook) / self.tau, dim=1)
        zq = probs @ self.codebook
        return zq, probs.argmax(1), self.beta * F.mse_loss(z, zq)
