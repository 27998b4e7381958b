import torch
import torch.nn as nn


class RBF(nn.Module):
    """k(a, b) = s^2 exp(-|a - b|^2 / (2 l^2)), the scales learned in log space."""

    def __init__(self, lengthscale=1.0, outputscale=1.0):
        super().__init__()
        self.log_lengthscale = nn.Parameter(torch.tensor(float(lengthscale)).log())
        self.log_outputscale = nn.Parameter(torch.tensor(float(outputscale)).log())

    @property
    def lengthscale(self):
        return self.log_lengthscale.exp()

    @property
    def outputscale(self):
        return self.log_outputscale.exp()

    def forward(self, a, b):
        a, b = a / self.lengthscale, b / self.lengthscale
        sq = (a * a).sum(-1)[:, None] + (b * b).sum(-1)[None, :] - 2 * a @ b.t()
        return self.outputscale * torch.exp(-0.5 * sq.clamp(min=0))

    def diag(self, a):
        return self.outputscale.expand(a.size(0))
