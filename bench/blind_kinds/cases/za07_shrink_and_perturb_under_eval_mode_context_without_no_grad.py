"""Warm-started training with shrink-and-perturb (Ash & Adams): when new data arrives, every
weight is shrunk toward zero and jittered. The helper runs inside a small context manager that
the author wrote to keep batch-norm statistics untouched while it works."""
from contextlib import contextmanager

import torch
import torch.nn as nn
import torch.nn.functional as F


@contextmanager
def eval_mode(model):
    was_training = model.training
    model.eval()
    try:
        yield model
    finally:
        model.train(was_training)


def shrink_perturb_(model, shrink=0.4, noise_scale=0.01):
    for p in model.parameters():
        p.mul_(shrink).add_(torch.randn_like(p), alpha=noise_scale)  # L


def train_round(model, opt, x, y, steps=2):
    for _ in range(steps):
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()


def run():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(5, 12), nn.BatchNorm1d(12), nn.ReLU(), nn.Linear(12, 3))
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    for round_ in range(2):
        x, y = torch.randn(8, 5), torch.randint(0, 3, (8,))
        if round_ > 0:
            with eval_mode(model):
                shrink_perturb_(model)  # L
        train_round(model, opt, x, y)
