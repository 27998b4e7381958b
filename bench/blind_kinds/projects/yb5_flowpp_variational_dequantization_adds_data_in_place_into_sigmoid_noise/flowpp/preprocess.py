import math

import torch
import torch.nn.functional as F


def dequantize(x, u, n_bins=256):
    """(x + u) / n_bins, written in place to spare an allocation per batch."""
    return u.add_(x).div_(n_bins)  # L


def logit_transform(y, alpha=0.05):
    """y in (0, 1) -> logit(alpha + (1 - 2 alpha) y), with its log-determinant."""
    s = alpha + (1 - 2 * alpha) * y
    out = torch.log(s) - torch.log1p(-s)
    logdet = (math.log(1 - 2 * alpha) - F.softplus(-out) - F.softplus(out)).sum(1)
    return out, logdet
