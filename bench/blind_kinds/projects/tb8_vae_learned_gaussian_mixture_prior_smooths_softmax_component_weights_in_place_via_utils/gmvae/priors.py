import torch
import torch.nn as nn

from . import utils


class MixturePrior(nn.Module):
    """A learned K-component diagonal Gaussian mixture prior p(z) for a VAE."""

    def __init__(self, z_dim, k, eps=1e-3):
        super().__init__()
        self.logits = nn.Parameter(torch.zeros(k))
        self.means = nn.Parameter(torch.randn(k, z_dim))
        self.log_stds = nn.Parameter(torch.zeros(k, z_dim))
        self.eps = eps

    def weights(self):
        return utils.smooth_(torch.softmax(self.logits, dim=0), self.eps)  # L

    def log_prob(self, z):
        comp = utils.diag_normal_log_prob(z[:, None, :], self.means, self.log_stds)
        return torch.logsumexp(comp + self.weights().log(), dim=-1)  # L
