"""Flow++'s variational dequantisation: the noise u in (0, 1) is drawn from a learned conditional
q(u | x) (a Gaussian pushed through a sigmoid); the bound subtracts log q(u | x)."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class VariationalDequantizer(nn.Module):
    def __init__(self, dim, hidden=16, n_bins=256):
        super().__init__()
        self.n_bins = n_bins
        self.net = nn.Sequential(nn.Linear(dim, hidden), nn.ELU(), nn.Linear(hidden, 2 * dim))

    def forward(self, x):
        h = self.net(x / self.n_bins - 0.5)
        mu, log_s = h[:, : x.shape[1]], h[:, x.shape[1]:]
        eps = torch.randn_like(x)
        z = mu + log_s.exp() * eps
        u = torch.sigmoid(z)
        log_q = (-0.5 * eps**2 - 0.5 * math.log(2 * math.pi) - log_s
                 - F.logsigmoid(z) - F.logsigmoid(-z)).sum(1)
        return u, log_q
