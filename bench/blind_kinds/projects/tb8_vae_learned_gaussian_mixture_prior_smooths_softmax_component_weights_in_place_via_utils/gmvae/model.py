import torch
import torch.nn as nn
import torch.nn.functional as F

from . import utils
from .priors import MixturePrior


class MixturePriorVAE(nn.Module):
    def __init__(self, x_dim, z_dim, hidden, k):
        super().__init__()
        self.enc = nn.Sequential(nn.Linear(x_dim, hidden), nn.ReLU(), nn.Linear(hidden, 2 * z_dim))
        self.dec = nn.Sequential(nn.Linear(z_dim, hidden), nn.ReLU(), nn.Linear(hidden, x_dim))
        self.prior = MixturePrior(z_dim, k)

    def loss(self, x):
        mean, log_std = self.enc(x).chunk(2, dim=-1)
        z = mean + log_std.exp() * torch.randn_like(mean)
        rec = F.binary_cross_entropy_with_logits(self.dec(z), x, reduction="none").sum(-1)
        kl = utils.diag_normal_log_prob(z, mean, log_std) - self.prior.log_prob(z)  # L
        return (rec + kl).mean()
