import torch
import torch.nn as nn

LAMBDA_GP = 10.0


def make_nets(z_dim=4, x_dim=6, hidden=16):
    g = nn.Sequential(nn.Linear(z_dim, hidden), nn.ReLU(), nn.Linear(hidden, x_dim), nn.Tanh())
    d = nn.Sequential(nn.Linear(x_dim, hidden), nn.LeakyReLU(0.2), nn.Linear(hidden, 1))
    return g, d


def interpolate(real, fake):
    alpha = torch.rand(real.size(0), 1)
    return (alpha * real + (1 - alpha) * fake).requires_grad_(True)


def slope_penalty(critic, real, fake):
    x_hat = interpolate(real, fake.detach())
    out = critic(x_hat)
    (grads,) = torch.autograd.grad(out, x_hat, grad_outputs=torch.ones_like(out), create_graph=True)
    sq = torch.sum(grads ** 2, dim=1).add_(1e-12)  # L
    gap = torch.sqrt(sq) - 1.0
    return gap.pow_(2).mean()  # L


def critic_step(g, d, opt_d, real, z):
    fake = g(z)
    loss = d(fake.detach()).mean() - d(real).mean() + LAMBDA_GP * slope_penalty(d, real, fake)
    opt_d.zero_grad()
    loss.backward()
    opt_d.step()
    return loss.item()


def run():
    torch.manual_seed(0)
    g, d = make_nets()
    opt_d = torch.optim.Adam(d.parameters(), lr=1e-4, betas=(0.0, 0.9))
    for _ in range(2):
        critic_step(g, d, opt_d, torch.rand(8, 6) * 2 - 1, torch.randn(8, 4))
