import torch
import torch.nn as nn


class RMSNorm(nn.Module):
    """Root-mean-square norm; `inplace=True` rescales the input buffer instead of allocating."""

    def __init__(self, dim, eps=1e-6, inplace=False):
        super().__init__()
        self.eps = eps
        self.inplace = inplace
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x):
        rms = x.pow(2).mean(-1, keepdim=True).add_(self.eps).rsqrt_()
        if self.inplace:
            return x.mul_(rms).mul_(self.weight)  # L
        return x * rms * self.weight

    def extra_repr(self):
        return f"eps={self.eps}, inplace={self.inplace}"
