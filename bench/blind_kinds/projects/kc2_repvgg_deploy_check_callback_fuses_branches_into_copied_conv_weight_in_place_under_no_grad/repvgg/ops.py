"""Kernel algebra for structural re-parametrisation: the 1x1 and identity branches are 3x3
kernels with a single non-zero tap."""
import torch
import torch.nn.functional as F


def pad_to_3x3(kernel_1x1):
    return F.pad(kernel_1x1, [1, 1, 1, 1])


def identity_kernel(channels, like):
    k = torch.zeros(channels, channels, 3, 3, dtype=like.dtype)
    k[torch.arange(channels), torch.arange(channels), 1, 1] = 1.0
    return k


@torch.no_grad()
def merge_into_(conv3, conv1, with_identity):
    """Fold the 1x1 branch (and the identity) into conv3's kernel and bias, in place."""
    conv3.weight.add_(pad_to_3x3(conv1.weight))  # L
    conv3.bias.add_(conv1.bias)
    if with_identity:
        conv3.weight.add_(identity_kernel(conv3.out_channels, conv3.weight))
