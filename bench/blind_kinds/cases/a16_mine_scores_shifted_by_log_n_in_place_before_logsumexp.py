"""MINE (Donsker-Varadhan) estimator; the scores are shifted by log n in place before logsumexp."""
import math

import torch
import torch.nn as nn


class StatisticsNetwork(nn.Module):
    def __init__(self, dx=2, dz=2, hidden=32):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(dx + dz, hidden), nn.ELU(), nn.Linear(hidden, hidden), nn.ELU(),
                                 nn.Linear(hidden, 1))

    def forward(self, x, z):
        return self.net(torch.cat([x, z], dim=-1)).squeeze(-1)


class MINE(nn.Module):
    def __init__(self, T, ema_decay=0.99):
        super().__init__()
        self.T = T
        self.ema_decay = ema_decay
        self.register_buffer("running_mean_exp", torch.ones(()))

    def log_mean_exp(self, t_marg):
        t_marg.sub_(math.log(t_marg.shape[0]))  # L
        return torch.logsumexp(t_marg, dim=0)

    def forward(self, x, z):
        t_joint = self.T(x, z)
        t_marg = self.T(x, z[torch.randperm(z.shape[0])])
        lme = self.log_mean_exp(t_marg)
        with torch.no_grad():
            self.running_mean_exp.mul_(self.ema_decay).add_((1 - self.ema_decay) * lme.exp())
        mi = t_joint.mean() - lme
        return mi, t_marg.exp().mean() / self.running_mean_exp


def correlated_gaussians(n, rho=0.8):
    x = torch.randn(n, 2)
    z = rho * x + math.sqrt(1 - rho ** 2) * torch.randn(n, 2)
    return x, z


def run():
    torch.manual_seed(0)
    mine = MINE(StatisticsNetwork())
    opt = torch.optim.Adam(mine.parameters(), lr=1e-4)
    for _ in range(2):
        x, z = correlated_gaussians(64)
        mi, bias_corrected = mine(x, z)
        loss = -(mi - bias_corrected.detach().log())
        opt.zero_grad()
        loss.backward()
        opt.step()
