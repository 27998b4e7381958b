import torch


def to_unit_interval_(v):
    """Map network outputs in [-1, 1] to [0, 1] in place (saves a tensor the size of the image)."""
    return v.add_(1).div_(2)  # L


def normal_kl(mean1, logvar1, mean2, logvar2):
    return 0.5 * (-1.0 + logvar2 - logvar1 + torch.exp(logvar1 - logvar2)
                  + (mean1 - mean2) ** 2 * torch.exp(-logvar2))
