"""A Glow-style normalising flow (ActNorm + affine coupling) trained by maximum likelihood. ActNorm's
data-dependent initialisation writes the first batch's statistics into its loc and log-scale
parameters with copy_ inside the forward (a flag buffer marks it done)."""
import math

import torch
import torch.nn as nn


class ActNorm(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.loc = nn.Parameter(torch.zeros(dim))
        self.log_scale = nn.Parameter(torch.zeros(dim))
        self.register_buffer("initialized", torch.tensor(False))

    def initialize(self, x):
        mean, std = x.mean(0), x.std(0)
        self.loc.copy_(-mean)  # L
        self.log_scale.copy_(-torch.log(std + 1e-6))  # L
        self.initialized.fill_(True)

    def forward(self, x):
        if not self.initialized:
            self.initialize(x)  # L
        y = (x + self.loc) * self.log_scale.exp()
        return y, self.log_scale.sum().expand(x.shape[0])


class AffineCoupling(nn.Module):
    def __init__(self, dim, hidden=16, flip=False):
        super().__init__()
        self.flip = flip
        self.half = dim // 2
        self.net = nn.Sequential(nn.Linear(self.half, hidden), nn.Tanh(), nn.Linear(hidden, 2 * (dim - self.half)))

    def forward(self, x):
        if self.flip:
            x = x.flip(-1)
        xa, xb = x[:, : self.half], x[:, self.half:]
        s, t = self.net(xa).chunk(2, dim=-1)
        s = torch.tanh(s)
        y = torch.cat([xa, xb * s.exp() + t], dim=-1)
        if self.flip:
            y = y.flip(-1)
        return y, s.sum(-1)


class Flow(nn.Module):
    def __init__(self, dim=4, n_steps=2):
        super().__init__()
        self.steps = nn.ModuleList()
        for i in range(n_steps):
            self.steps.append(ActNorm(dim))
            self.steps.append(AffineCoupling(dim, flip=bool(i % 2)))

    def log_prob(self, x):
        log_det = x.new_zeros(x.shape[0])
        for step in self.steps:
            x, ld = step(x)
            log_det = log_det + ld
        base = -0.5 * (x.pow(2) + math.log(2 * math.pi)).sum(-1)
        return base + log_det


def run():
    torch.manual_seed(0)
    flow = Flow()
    opt = torch.optim.Adam(flow.parameters(), lr=1e-3)
    for _ in range(2):
        x = torch.randn(16, 4) * torch.tensor([1.0, 3.0, 0.5, 2.0]) + 1.0
        loss = -flow.log_prob(x).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
