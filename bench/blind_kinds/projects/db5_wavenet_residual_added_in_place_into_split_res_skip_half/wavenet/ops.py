"""Splitting the fused residual/skip 1x1 convolution's output into its two parts."""
import torch


def _by_split(h, sizes):
    return torch.split(h, sizes, dim=1)


def _by_slicing(h, sizes):
    parts, start = [], 0
    for n in sizes:
        parts.append(h[:, start:start + n])
        start += n
    return parts


SPLITTERS = {"split": _by_split, "slice": _by_slicing}


def split_channels(h, sizes, how="slice"):
    return SPLITTERS[how](h, list(sizes))
