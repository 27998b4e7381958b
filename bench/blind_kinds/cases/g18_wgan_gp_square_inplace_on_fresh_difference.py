import torch
import torch.nn as nn


def make_critic(d=6, hidden=16):
    return nn.Sequential(nn.Linear(d, hidden), nn.LeakyReLU(0.2), nn.Linear(hidden, hidden),
                         nn.LeakyReLU(0.2), nn.Linear(hidden, 1))


def gradient_penalty(critic, real, fake):
    alpha = torch.rand(real.size(0), 1)
    interp = (alpha * real + (1 - alpha) * fake).requires_grad_(True)
    scores = critic(interp)
    (grads,) = torch.autograd.grad(scores.sum(), interp, create_graph=True)
    slopes = grads.flatten(1).norm(2, dim=1)
    return (slopes - 1.0).square_().mean()  # L


def critic_step(critic, G, opt, real, z_dim=4, lambda_gp=10.0):
    with torch.no_grad():
        fake = G(torch.randn(real.size(0), z_dim))
    loss = critic(fake).mean() - critic(real).mean()
    loss = loss + lambda_gp * gradient_penalty(critic, real, fake)
    opt.zero_grad()
    loss.backward()
    opt.step()
    return loss.item()


def run():
    torch.manual_seed(0)
    G = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 6))
    critic = make_critic()
    opt = torch.optim.Adam(critic.parameters(), lr=1e-4, betas=(0.0, 0.9))
    critic_step(critic, G, opt, torch.randn(8, 6))


def silent_hazard():
    """True when the gradient torch computes differs from the true one (no error is raised)."""
    torch.manual_seed(0)
    critic = make_critic()
    real, fake = torch.randn(8, 6), torch.randn(8, 6)
    torch.manual_seed(1)
    gradient_penalty(critic, real, fake).backward()
    got = [None if p.grad is None else p.grad.clone() for p in critic.parameters()]
    critic.zero_grad()
    torch.manual_seed(1)
    alpha = torch.rand(real.size(0), 1)
    interp = (alpha * real + (1 - alpha) * fake).requires_grad_(True)
    (g,) = torch.autograd.grad(critic(interp).sum(), interp, create_graph=True)
    ((g.flatten(1).norm(2, dim=1) - 1.0) ** 2).mean().backward()
    return any((a is None) != (p.grad is None) or (a is not None and not torch.allclose(a, p.grad, atol=1e-6))
               for a, p in zip(got, critic.parameters()))
