"""A physics-informed network for the 1-D heat equation u_t = k u_xx on [0, 1] with u(0, t) = u(1, t) = 0.
The network ends in a plain Linear (no output activation). After the PDE residual's
derivatives are taken, the boundary rows of the prediction are overwritten with the exact boundary
values (a "hard" Dirichlet constraint) before the data and boundary losses."""
import torch
import torch.nn as nn


def make_net(bounded):
    layers = [nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 16), nn.Tanh(), nn.Linear(16, 1)]
    if bounded:
        layers.append(nn.Tanh())
    return nn.Sequential(*layers)


def heat_residual(u, xt, k):
    (du,) = torch.autograd.grad(u.sum(), xt, create_graph=True)
    u_x, u_t = du[:, :1], du[:, 1:]
    (du_x,) = torch.autograd.grad(u_x.sum(), xt, create_graph=True)
    return u_t - k * du_x[:, :1]


def enforce_dirichlet_(u, xt, value=0.0):
    on_boundary = (xt[:, 0] == 0.0) | (xt[:, 0] == 1.0)
    u[on_boundary] = value  # L
    return u


def run(bounded=False):
    torch.manual_seed(0)
    net = make_net(bounded)
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    for _ in range(2):
        x = torch.cat([torch.rand(12), torch.zeros(2), torch.ones(2)])
        xt = torch.stack([x, torch.rand(16)], 1).requires_grad_(True)
        u = net(xt)
        residual = heat_residual(u, xt, k=0.1)
        u = enforce_dirichlet_(u, xt)  # L
        observed = torch.sin(torch.pi * xt[:, :1].detach()) * 0.5
        loss = residual.pow(2).mean() + (u - observed).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
