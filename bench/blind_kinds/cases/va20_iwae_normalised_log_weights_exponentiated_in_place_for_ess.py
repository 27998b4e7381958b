"""IWAE (Burda et al.): K importance samples per input; the bound is logsumexp of the log weights; ESS logged."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Normal


class IWAE(nn.Module):
    def __init__(self, d_in=6, d_z=2, hidden=8, k=4):
        super().__init__()
        self.k = k
        self.enc = nn.Sequential(nn.Linear(d_in, hidden), nn.Tanh(), nn.Linear(hidden, 2 * d_z))
        self.dec = nn.Sequential(nn.Linear(d_z, hidden), nn.Tanh(), nn.Linear(hidden, d_in))

    def log_weights(self, x):
        mu, log_std = self.enc(x).chunk(2, -1)
        q = Normal(mu, log_std.exp())
        z = q.rsample((self.k,))                       # [K, B, d_z]
        log_px_z = -F.mse_loss(self.dec(z), x.expand(self.k, *x.shape), reduction="none").sum(-1)
        log_pz = Normal(0.0, 1.0).log_prob(z).sum(-1)
        return log_px_z + log_pz - q.log_prob(z).sum(-1)  # [K, B]


def effective_sample_size(log_w, lse):
    w = (log_w - lse).exp_()  # L
    return (1.0 / w.pow(2).sum(0)).mean()


def run():
    torch.manual_seed(0)
    model = IWAE()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        x = torch.randn(5, 6)
        log_w = model.log_weights(x)
        lse = torch.logsumexp(log_w, dim=0)
        loss = -(lse - math.log(model.k)).mean()
        with torch.no_grad():
            ess = effective_sample_size(log_w, lse)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
