"""CAVIA (Zintgraf et al.): a shared regressor modulated by a small task context vector (FiLM).
Only the context is adapted in the inner loop; the context is reset for each task by zeroing a
detached alias of it (no new allocation), and the meta-loss of the whole meta-batch is backpropagated
once."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class CaviaNet(nn.Module):
    def __init__(self, n_context=4, hidden=16):
        super().__init__()
        self.fc1 = nn.Linear(1, hidden)
        self.film = nn.Linear(n_context, 2 * hidden)
        self.fc2 = nn.Linear(hidden, 1)
        self.n_context = n_context
        self.context = None

    def reset_context(self):
        if self.context is None:
            self.context = torch.zeros(self.n_context, requires_grad=True)
        else:
            self.context = self.context.detach().zero_().requires_grad_()  # L

    def forward(self, x):
        gamma, beta = self.film(self.context).chunk(2)
        h = F.relu(self.fc1(x) * (1 + gamma) + beta)
        return self.fc2(h)


def sample_task(n=10):
    amp, phase = 0.5 + 4.5 * torch.rand(1), math.pi * torch.rand(1)
    xs = torch.rand(2 * n, 1) * 10 - 5
    ys = amp * torch.sin(xs + phase)
    return (xs[:n], ys[:n]), (xs[n:], ys[n:])


CFG = {"meta_batch": 3, "inner_steps": 2, "inner_lr": 1.0, "backward_per_task": False}


def meta_step(model, opt, cfg=CFG):
    opt.zero_grad()
    meta_loss = 0.0
    for _ in range(cfg["meta_batch"]):
        (xs, ys), (xq, yq) = sample_task()
        model.reset_context()
        for _ in range(cfg["inner_steps"]):
            inner = F.mse_loss(model(xs), ys)
            (g,) = torch.autograd.grad(inner, model.context, create_graph=True)
            model.context = model.context - cfg["inner_lr"] * g
        task_loss = F.mse_loss(model(xq), yq) / cfg["meta_batch"]
        if cfg["backward_per_task"]:
            task_loss.backward()
        else:
            meta_loss = meta_loss + task_loss
    if not cfg["backward_per_task"]:
        meta_loss.backward()
    opt.step()


def run():
    torch.manual_seed(0)
    model = CaviaNet()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        meta_step(model, opt)
