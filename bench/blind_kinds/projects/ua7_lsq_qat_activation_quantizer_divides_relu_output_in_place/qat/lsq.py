"""Learned Step Size Quantization (Esser et al. 2020) for activations."""
import math

import torch
import torch.nn as nn


def grad_scale(x, scale):
    return (x - x * scale).detach() + x * scale


def round_ste(x):
    return (x.round() - x).detach() + x


class LSQActQuantizer(nn.Module):
    def __init__(self, bits=4, signed=False):
        super().__init__()
        self.qn = -(2 ** (bits - 1)) if signed else 0
        self.qp = 2 ** (bits - 1) - 1 if signed else 2 ** bits - 1
        self.step = nn.Parameter(torch.tensor(0.1))

    def forward(self, x):
        s = grad_scale(self.step, 1.0 / math.sqrt(x.numel() * self.qp))
        x = self._to_grid_(x, s)  # L
        return round_ste(x) * s

    def _to_grid_(self, x, s):
        # the activation can be large: scale and clip without another copy
        return x.div_(s).clamp_(self.qn, self.qp)  # L
