"""MAML on sinusoid regression (Finn et al. 2017), functional style: the fast weights start as
clones of the meta-parameters and each inner step subtracts the scaled support gradient from them
in place ("clones are ours to overwrite"). Second-order MAML: the support gradients are taken with
create_graph=True so the meta-gradient flows through the inner loop."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

FIRST_ORDER = False


class SineMLP(nn.Module):
    def __init__(self, hidden=20):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(1, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 1))

    def functional_forward(self, x, weights):
        for i in range(0, len(weights) - 2, 2):
            x = F.relu(F.linear(x, weights[i], weights[i + 1]))
        return F.linear(x, weights[-2], weights[-1])


def sample_task(k=5):
    amp, phase = 0.1 + 4.9 * torch.rand(1), math.pi * torch.rand(1)
    x = (torch.rand(2 * k, 1) - 0.5) * 10
    y = amp * torch.sin(x + phase)
    return (x[:k], y[:k]), (x[k:], y[k:])


def adapt(model, support, inner_lr=0.01, steps=2, first_order=FIRST_ORDER):
    x, y = support
    fast = [p.clone() for p in model.parameters()]
    for _ in range(steps):
        loss = F.mse_loss(model.functional_forward(x, fast), y)
        grads = torch.autograd.grad(loss, fast, create_graph=not first_order)
        for w, g in zip(fast, grads):
            w.sub_(inner_lr * g)  # L
    return fast


def run():
    torch.manual_seed(0)
    model = SineMLP()
    meta_opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        meta_loss = 0.0
        for _ in range(3):
            support, query = sample_task()
            fast = adapt(model, support)  # L
            meta_loss = meta_loss + F.mse_loss(model.functional_forward(query[0], fast), query[1])
        meta_opt.zero_grad()
        (meta_loss / 3).backward()
        meta_opt.step()
