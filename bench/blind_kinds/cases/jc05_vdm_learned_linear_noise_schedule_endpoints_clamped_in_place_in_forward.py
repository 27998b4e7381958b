"""Variational diffusion model with a learned linear log-SNR schedule gamma(t) = g0 + (g1 - g0) t;
the schedule keeps its endpoints ordered and bounded by clamping them in place at the top of
forward."""
import torch
import torch.nn as nn


class LinearGamma(nn.Module):
    def __init__(self):
        super().__init__()
        self.g0 = nn.Parameter(torch.tensor(-5.0))
        self.g1 = nn.Parameter(torch.tensor(5.0))

    def forward(self, t):
        self.g0.clamp_(-10.0, 0.0)  # L
        self.g1.clamp_(0.0, 10.0)  # L
        return self.g0 + (self.g1 - self.g0) * t


def run():
    torch.manual_seed(0)
    gamma = LinearGamma()
    eps_net = nn.Sequential(nn.Linear(5, 16), nn.SiLU(), nn.Linear(16, 4))
    opt = torch.optim.Adam(list(gamma.parameters()) + list(eps_net.parameters()), lr=1e-2)
    for _ in range(2):
        x = torch.randn(6, 4)
        t = torch.rand(6, 1)
        g = gamma(t)
        alpha, sigma = torch.sigmoid(-g).sqrt(), torch.sigmoid(g).sqrt()
        eps = torch.randn_like(x)
        pred = eps_net(torch.cat([alpha * x + sigma * eps, g], dim=1))
        loss = ((pred - eps) ** 2).sum(1).mean() + 1e-3 * (gamma.g1 - gamma.g0)
        opt.zero_grad()
        loss.backward()
        opt.step()
