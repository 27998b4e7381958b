"""A RealNVP-style flow on 2-D toy data trained by maximum likelihood.  The flow sums the couplings'
log-determinants out of place for the loss, and accumulates their detached values into a
preallocated per-layer monitor with `torch.add(..., out=...)` for logging."""
import math

import torch
import torch.nn as nn


class Coupling(nn.Module):
    def __init__(self, dim, hidden, flip):
        super().__init__()
        self.flip = flip
        self.net = nn.Sequential(nn.Linear(dim // 2, hidden), nn.ReLU(), nn.Linear(hidden, dim))

    def forward(self, x):
        a, b = x.chunk(2, dim=1)
        if self.flip:
            a, b = b, a
        s, t = self.net(a).chunk(2, dim=1)
        s = torch.tanh(s)
        b = b * s.exp() + t
        out = torch.cat([b, a] if self.flip else [a, b], dim=1)
        return out, s.sum(1)


class Flow(nn.Module):
    def __init__(self, dim=2, hidden=16, n=4):
        super().__init__()
        self.layers = nn.ModuleList(Coupling(dim, hidden, i % 2 == 1) for i in range(n))
        self.register_buffer("ld_monitor", torch.zeros(n))

    def forward(self, x):
        logdet = x.new_zeros(x.shape[0])
        for i, layer in enumerate(self.layers):
            x, ld = layer(x)
            logdet = logdet + ld
            torch.add(self.ld_monitor[i], ld.detach().mean(), out=self.ld_monitor[i])  # L
        return x, logdet


def nll(flow, x):
    z, logdet = flow(x)
    log_pz = -0.5 * (z ** 2).sum(1) - z.shape[1] * 0.5 * math.log(2 * math.pi)
    return -(log_pz + logdet).mean()


def run():
    torch.manual_seed(0)
    flow = Flow()
    opt = torch.optim.Adam(flow.parameters(), lr=1e-3)
    for _ in range(2):
        x = torch.randn(16, 2) @ torch.tensor([[1.0, 0.5], [0.0, 0.3]])
        loss = nll(flow, x)
        opt.zero_grad()
        loss.backward()
        opt.step()
