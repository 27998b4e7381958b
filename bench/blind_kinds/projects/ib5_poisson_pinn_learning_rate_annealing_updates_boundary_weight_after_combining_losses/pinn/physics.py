"""1D Poisson problem u''(x) = f(x) on [0, 1] with u(0) = u(1) = 0 (exact u = sin(k pi x))."""
import math

import torch


def source(x, k=2):
    return -(k * math.pi) ** 2 * torch.sin(k * math.pi * x)


def pde_residual(model, x):
    x = x.clone().requires_grad_(True)
    u = model(x)
    u_x = torch.autograd.grad(u, x, torch.ones_like(u), create_graph=True)[0]
    u_xx = torch.autograd.grad(u_x, x, torch.ones_like(u_x), create_graph=True)[0]
    return u_xx - source(x)


def losses(model, x_col, x_bc):
    res = pde_residual(model, x_col)
    return {"residual": (res ** 2).mean(), "boundary": (model(x_bc) ** 2).mean()}
