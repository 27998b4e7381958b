"""Reversible instance normalisation (Kim et al., ICLR 2022)."""
import torch
import torch.nn as nn


class RevIN(nn.Module):
    def __init__(self, n_channels, eps=1e-5, affine=True):
        super().__init__()
        self.eps = eps
        self.affine = affine
        if affine:
            self.affine_weight = nn.Parameter(torch.ones(n_channels))
            self.affine_bias = nn.Parameter(torch.zeros(n_channels))

    def normalize(self, x):
        self.mean = x.mean(dim=1, keepdim=True).detach()
        self.stdev = torch.sqrt(torch.var(x, dim=1, keepdim=True, unbiased=False) + self.eps).detach()
        x = (x - self.mean) / self.stdev
        if self.affine:
            x = x * self.affine_weight + self.affine_bias
        return x

    def normalize_target(self, y):
        """The target in the scale the model predicts in (for the normalised-space loss)."""
        with torch.no_grad():
            y = (y - self.mean) / self.stdev
            if self.affine:
                y = y * self.affine_weight + self.affine_bias
        return y

    def denormalize(self, y):
        if self.affine:
            y = (y - self.affine_bias) / (self.affine_weight + self.eps ** 2)
        return y * self.stdev + self.mean

    def denormalize_(self, y):
        """In-place variant used by the forecasting service to save a copy of long horizons."""
        if self.affine:
            y.sub_(self.affine_bias).div_(self.affine_weight + self.eps ** 2)  # L
        return y.mul_(self.stdev).add_(self.mean)  # L
