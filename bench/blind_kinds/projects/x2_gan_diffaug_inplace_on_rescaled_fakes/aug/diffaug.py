"""Differentiable augmentation (DiffAugment-style), applied to real and fake batches alike."""
import torch

__all__ = ["DiffAugment", "AUGMENTS"]


def rand_brightness_(x):
    x.add_(torch.rand(x.size(0), 1, device=x.device) - 0.5)  # L
    return x


def rand_contrast_(x):
    mean = x.mean(dim=1, keepdim=True)
    x.sub_(mean).mul_(torch.rand(x.size(0), 1) * 2).add_(mean)  # L
    return x


AUGMENTS = {"color": [rand_brightness_, rand_contrast_]}


def DiffAugment(x, policy="color"):
    for name in policy.split(","):
        for fn in AUGMENTS[name]:
            x = fn(x)  # L
    return x
