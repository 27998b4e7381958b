"""A tiny FFJORD-style continuous normalising flow: Euler steps of dz/dt = f(z, t) with the
log-density change -tr(df/dz) from Hutchinson's estimator.  The probe vector lives in a buffer that
is refilled with normal_() at every function evaluation."""
import torch
import torch.nn as nn


class ODEFunc(nn.Module):
    def __init__(self, dim=3, hidden=16):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(dim + 1, hidden), nn.Tanh(), nn.Linear(hidden, dim))
        self.register_buffer("eps", torch.zeros(0))
        self.resample_each_eval = True

    def begin_solve(self, z):
        self.eps = torch.empty_like(z)
        self.eps.normal_()

    def forward(self, t, z):
        if self.resample_each_eval:
            self.eps.normal_()  # L
        tt = torch.full_like(z[:, :1], t)
        dz = self.net(torch.cat([z, tt], dim=1))
        e_dzdx = torch.autograd.grad(dz, z, self.eps, create_graph=True)[0]
        div = (e_dzdx * self.eps).sum(dim=1)
        return dz, -div


class CNF(nn.Module):
    def __init__(self, func, steps=4):
        super().__init__()
        self.func, self.steps = func, steps

    def forward(self, x):
        z = x.requires_grad_(True)
        delta_logp = torch.zeros(x.shape[0])
        self.func.begin_solve(z)
        h = 1.0 / self.steps
        for k in range(self.steps):
            dz, dlogp = self.func(k * h, z)
            z = z + h * dz
            delta_logp = delta_logp - h * dlogp
        return z, delta_logp


def run():
    torch.manual_seed(0)
    flow = CNF(ODEFunc())
    opt = torch.optim.Adam(flow.parameters(), lr=1e-3)
    base = torch.distributions.Normal(0.0, 1.0)
    for _ in range(2):
        x = torch.randn(8, 3) * 0.5 + 1.0
        z, delta_logp = flow(x)
        logp_x = base.log_prob(z).sum(1) - delta_logp
        loss = -logp_x.mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
