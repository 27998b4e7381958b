"""Neural ODE classifier with a fixed-step solver picked from a registry."""
import functools

import torch
import torch.nn as nn
import torch.nn.functional as F


def euler(f, h, t0, t1, steps):
    dt = (t1 - t0) / steps
    for _ in range(steps):
        h.add_(f(h), alpha=dt)  # L
    return h


def midpoint(f, h, t0, t1, steps):
    dt = (t1 - t0) / steps
    for _ in range(steps):
        h = h + dt * f(h + 0.5 * dt * f(h))
    return h


SOLVERS = {"euler": euler, "midpoint": midpoint}


class ODEBlock(nn.Module):
    def __init__(self, dim, solver="euler", steps=4):
        super().__init__()
        self.f = nn.Sequential(nn.Linear(dim, 16), nn.Tanh(), nn.Linear(16, dim))
        self.solve = functools.partial(SOLVERS[solver], t0=0.0, t1=1.0, steps=steps)

    def forward(self, h):
        return self.solve(self.f, h)


class ODENet(nn.Module):
    def __init__(self, d_in=4, dim=6, n_classes=3, **ode_kwargs):
        super().__init__()
        self.stem = nn.Linear(d_in, dim)
        self.ode = ODEBlock(dim, **ode_kwargs)
        self.head = nn.Linear(dim, n_classes)

    def forward(self, x):
        return self.head(self.ode(torch.tanh(self.stem(x))))


def run():
    torch.manual_seed(0)
    model = ODENet(solver="euler", steps=3)
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    for _ in range(2):
        x, y = torch.randn(6, 4), torch.randint(0, 3, (6,))
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
