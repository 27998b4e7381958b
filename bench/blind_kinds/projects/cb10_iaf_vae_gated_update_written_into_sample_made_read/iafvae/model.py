import math

import torch
import torch.nn as nn
import torch.nn.functional as F

from .flows import IAFStep

LOG_2PI = math.log(2 * math.pi)


class IAFVAE(nn.Module):
    def __init__(self, d_x=8, d_z=3, hidden=16, context=4, n_flows=2):
        super().__init__()
        self.enc = nn.Sequential(nn.Linear(d_x, hidden), nn.ELU(), nn.Linear(hidden, 2 * d_z + context))
        self.dec = nn.Sequential(nn.Linear(d_z, hidden), nn.ELU(), nn.Linear(hidden, d_x))
        self.flows = nn.ModuleList(IAFStep(d_z, hidden, context) for _ in range(n_flows))
        self.d_z = d_z

    def encode(self, x):
        mu, log_std, h = self.enc(x).split([self.d_z, self.d_z, self.enc[-1].out_features - 2 * self.d_z], -1)
        return mu, log_std, h

    def elbo(self, x):
        mu, log_std, h = self.encode(x)
        eps = torch.randn_like(mu)
        z = mu + log_std.exp() * eps
        log_q = -0.5 * (eps ** 2 + LOG_2PI).sum(-1) - log_std.sum(-1)
        for step in self.flows:
            z, log_det = step(z, h)  # L
            log_q = log_q - log_det
        log_p_z = -0.5 * (z ** 2 + LOG_2PI).sum(-1)
        log_p_x = -F.binary_cross_entropy_with_logits(self.dec(z), x, reduction="none").sum(-1)
        return (log_p_x + log_p_z - log_q).mean()
