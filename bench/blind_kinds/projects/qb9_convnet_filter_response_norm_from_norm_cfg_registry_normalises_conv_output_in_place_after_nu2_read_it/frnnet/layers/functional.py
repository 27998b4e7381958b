import torch


def frn_normalise(x, eps, inplace=False):
    """x / sqrt(mean(x^2) + eps) over the spatial dims (Singh & Krishnan, 2019)."""
    nu2 = x.pow(2).mean(dim=(2, 3), keepdim=True)
    scale = torch.rsqrt(nu2 + eps)
    if inplace:
        return x.mul_(scale)  # L
    return x * scale


def tlu(x, gamma, beta, tau):
    return torch.max(gamma * x + beta, tau)
