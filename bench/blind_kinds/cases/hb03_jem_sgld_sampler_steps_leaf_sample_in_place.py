"""Joint energy-based model (JEM, Grathwohl et al. 2020): a classifier whose logsumexp is a negative
energy, trained with cross-entropy plus a contrastive energy term on samples drawn by SGLD from a
replay buffer. The sampler takes each Langevin step in place on the sample, which requires grad
so that autograd.grad can give the energy's gradient with respect to it."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class JEM(nn.Module):
    def __init__(self, d=6, classes=3):
        super().__init__()
        self.f = nn.Sequential(nn.Linear(d, 16), nn.SiLU(), nn.Linear(16, classes))

    def energy(self, x):
        return -torch.logsumexp(self.f(x), dim=-1)


def sgld(model, x0, steps=3, step_size=1.0, noise=0.01):
    x = x0.clone().requires_grad_(True)
    for _ in range(steps):
        (g,) = torch.autograd.grad(model.energy(x).sum(), [x])
        x.add_(-step_size * g + noise * torch.randn_like(x))  # L
    return x.detach()


def run():
    torch.manual_seed(0)
    model = JEM()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    buffer = torch.rand(32, 6) * 2 - 1
    for _ in range(2):
        x, y = torch.randn(8, 6), torch.randint(0, 3, (8,))
        idx = torch.randint(0, buffer.shape[0], (8,))
        x_neg = sgld(model, buffer[idx])
        buffer[idx] = x_neg
        loss = F.cross_entropy(model.f(x), y) + model.energy(x).mean() - model.energy(x_neg).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
