import math

import torch
import torch.nn as nn

from .features import FeatureExtractor
from .kernels import RBFKernel
from .linalg import cholesky_with_jitter


class DKLRegressor(nn.Module):
    """Exact GP regression on learned features, trained by the negative marginal log likelihood."""

    def __init__(self, d_in, d_feat=2, jitter=1e-4, jitter_mode="kernel_diag"):
        super().__init__()
        self.features = FeatureExtractor(d_in, d_feat)
        self.kernel = RBFKernel()
        self.log_noise = nn.Parameter(torch.tensor(-2.0))
        self.jitter, self.jitter_mode = jitter, jitter_mode

    def covariance(self, x):
        z = self.features(x)
        return self.kernel(z, z) + self.log_noise.exp() * torch.eye(len(x))

    def neg_mll(self, x, y):
        L = cholesky_with_jitter(self.covariance(x), self.jitter, self.jitter_mode)  # L
        alpha = torch.cholesky_solve(y.unsqueeze(-1), L)
        fit = 0.5 * (y.unsqueeze(-1) * alpha).sum()
        return (fit + L.diagonal().log().sum()) / len(x) + 0.5 * math.log(2 * math.pi)
