import torch

from .steps import STEPS


def langevin(energy, x_init, rule="sgld", n_steps=10, step_size=0.1, noise=0.01):
    step = STEPS[rule]
    x = x_init.detach().clone().requires_grad_(True)
    for _ in range(n_steps):
        grad, = torch.autograd.grad(energy(x).sum(), x)
        step(x, grad, step_size, noise)  # L
    return x.detach()
