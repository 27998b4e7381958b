"""Physics-informed net for u'' = -sin(x): collocation points (a leaf) resampled under no_grad."""
import torch
import torch.nn as nn


def residual(net, x):
    u = net(x)
    du = torch.autograd.grad(u.sum(), x, create_graph=True)[0]
    d2u = torch.autograd.grad(du.sum(), x, create_graph=True)[0]
    return d2u + torch.sin(x)


@torch.no_grad()
def resample_(points, low=0.0, high=3.14):
    points.uniform_(low, high)  # L


def run():
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(1, 8), nn.Tanh(), nn.Linear(8, 1))
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    x_col = torch.empty(16, 1).uniform_(0.0, 3.14).requires_grad_()
    x_bc = torch.tensor([[0.0], [3.14]])
    for _ in range(2):
        loss = residual(net, x_col).pow(2).mean() + net(x_bc).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        resample_(x_col)  # L
