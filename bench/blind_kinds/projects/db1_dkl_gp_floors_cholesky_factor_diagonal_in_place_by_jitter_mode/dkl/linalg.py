"""Cholesky factorisation with jitter, as GP libraries offer it: either jitter is added to the
kernel's diagonal before factorising, or the factor's diagonal is floored afterwards (cheaper when
the kernel is reused)."""
import math

import torch


def add_jitter_(K, jitter):
    K.diagonal(dim1=-2, dim2=-1).add_(jitter)
    return K


def floor_diagonal_(L, min_value):
    L.diagonal(dim1=-2, dim2=-1).clamp_(min=min_value)  # L
    return L


def _kernel_diag(K, jitter):
    return torch.linalg.cholesky(add_jitter_(K, jitter))


def _floor_factor(K, jitter):
    L = torch.linalg.cholesky(K)
    return floor_diagonal_(L, math.sqrt(jitter))  # L


JITTER_MODES = {"kernel_diag": _kernel_diag, "floor_factor": _floor_factor}


def cholesky_with_jitter(K, jitter=1e-4, mode="kernel_diag"):
    return JITTER_MODES[mode](K, jitter)  # L
