"""Inverse-problem PINN for viscous Burgers' equation (Raissi et al.): the viscosity is learned jointly
with the network, and kept above a physical floor by clamping it through .data at the start of the
residual, before the diffusion term nu * u_xx is formed."""
import torch
import torch.nn as nn


class BurgersPINN(nn.Module):
    def __init__(self, nu0=5e-4, nu_floor=1e-3):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 16), nn.Tanh(), nn.Linear(16, 1))
        self.nu = nn.Parameter(torch.tensor(nu0))
        self.nu_floor = nu_floor

    def forward(self, x, t):
        return self.net(torch.cat([x, t], dim=1))

    def residual(self, x, t):
        x = x.requires_grad_(True)
        t = t.requires_grad_(True)
        u = self(x, t)
        ones = torch.ones_like(u)
        u_x, u_t = torch.autograd.grad(u, (x, t), ones, create_graph=True)
        u_xx = torch.autograd.grad(u_x, x, torch.ones_like(u_x), create_graph=True)[0]
        self.nu.data.clamp_(min=self.nu_floor)  # L
        diffusion = self.nu * u_xx
        return u_t + u * u_x - diffusion


def losses(model, x_f, t_f, x_d, t_d, u_d):
    data = (model(x_d, t_d) - u_d).pow(2).mean()
    physics = model.residual(x_f, t_f).pow(2).mean()
    return data + physics


def grads(model, batch):
    model.zero_grad()
    losses(model, *batch).backward()
    return [p.grad.clone() for p in model.net.parameters()]


def make_batch():
    x_f, t_f = torch.rand(12, 1) * 2 - 1, torch.rand(12, 1)
    x_d, t_d = torch.rand(6, 1) * 2 - 1, torch.rand(6, 1)
    u_d = -torch.sin(torch.pi * x_d) * torch.exp(-t_d)
    return x_f, t_f, x_d, t_d, u_d


def run():
    torch.manual_seed(0)
    model = BurgersPINN()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        grads(model, make_batch())
        opt.step()


def silent_hazard():
    """The network's gradient must be the one of the viscosity the residual used."""
    torch.manual_seed(0)
    model = BurgersPINN()
    batch = make_batch()
    got = grads(model, batch)
    torch.manual_seed(0)
    ref_model = BurgersPINN(nu0=1e-3, nu_floor=-1.0)  # the viscosity the clamped residual uses
    ref = grads(ref_model, batch)
    return any(not torch.allclose(a, b, atol=1e-7) for a, b in zip(got, ref))
