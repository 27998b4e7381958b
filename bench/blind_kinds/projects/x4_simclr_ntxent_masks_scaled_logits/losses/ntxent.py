"""NT-Xent (SimCLR) in its cross-entropy form, as most implementations write it."""
import torch
import torch.nn.functional as F


def nt_xent(z1, z2, temperature=0.5):
    n = z1.size(0)
    z = F.normalize(torch.cat([z1, z2], dim=0), dim=1)
    logits = (z @ z.t()).div_(temperature)  # L
    logits.fill_diagonal_(-1e9)  # L
    targets = (torch.arange(2 * n, device=z.device) + n) % (2 * n)
    return F.cross_entropy(logits, targets)
