"""Glow's ActNorm: per-channel affine initialised from the first batch, then trained (a 1-D flow)."""
import math

import torch
import torch.nn as nn


class ActNorm(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.loc = nn.Parameter(torch.zeros(1, channels))
        self.log_scale = nn.Parameter(torch.zeros(1, channels))
        self.register_buffer("initialized", torch.tensor(False))

    @torch.no_grad()
    def initialize(self, x):
        mean, std = x.mean(0, keepdim=True), x.std(0, keepdim=True)
        self.loc.copy_(-mean)  # L
        self.log_scale.copy_(-(std + 1e-6).log())  # L
        self.initialized.fill_(True)

    def forward(self, x):
        if not self.initialized:
            self.initialize(x)
        y = (x + self.loc) * self.log_scale.exp()
        return y, self.log_scale.sum().expand(x.shape[0])


class Coupling(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.half = dim // 2
        self.net = nn.Sequential(nn.Linear(self.half, 8), nn.Tanh(), nn.Linear(8, 2 * (dim - self.half)))

    def forward(self, x):
        xa, xb = x[:, :self.half], x[:, self.half:]
        s, t = self.net(xa).chunk(2, dim=1)
        s = torch.tanh(s)
        return torch.cat([xa, xb * s.exp() + t], dim=1), s.sum(1)


class Flow(nn.Module):
    def __init__(self, dim=4, depth=2):
        super().__init__()
        self.steps = nn.ModuleList(m for _ in range(depth) for m in (ActNorm(dim), Coupling(dim)))

    def log_prob(self, x):
        logdet = 0
        for step in self.steps:
            x, ld = step(x.flip(1))
            logdet = logdet + ld
        prior = -0.5 * (x.pow(2) + math.log(2 * math.pi)).sum(1)
        return prior + logdet


def run():
    torch.manual_seed(0)
    flow = Flow()
    opt = torch.optim.Adam(flow.parameters(), lr=1e-2)
    for _ in range(2):
        x = torch.randn(16, 4) * 3 + 1
        loss = -flow.log_prob(x).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
