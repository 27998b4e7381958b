"""NT-Xent (SimCLR) written out from the paper's formula."""
import torch
import torch.nn.functional as F


def _self_mask(n, device=None):
    return torch.eye(n, dtype=torch.bool, device=device)


def nt_xent(z1, z2, temperature=0.5):
    n = z1.size(0)
    z = F.normalize(torch.cat([z1, z2], dim=0), dim=1)
    sim = torch.exp(z @ z.t() / temperature)
    sim.masked_fill_(_self_mask(2 * n, z.device), 0.0)  # L
    idx = torch.arange(2 * n, device=z.device)
    pos = sim[idx, (idx + n) % (2 * n)]
    return -torch.log(pos / sim.sum(dim=1)).mean()
