"""Deterministic binary neurons trained with a straight-through estimator, the old way: the forward
rounds the sigmoid output through .data so the next layer sees 0/1 while the backward is meant to
pass the sigmoid's own derivative."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class BinaryNeuron(nn.Module):
    def forward(self, x):
        y = torch.sigmoid(x)
        y.data.round_()  # L
        return y


def make_model():
    torch.manual_seed(0)
    return nn.Sequential(nn.Linear(6, 10), BinaryNeuron(), nn.Linear(10, 3))


def grads(model, x, y):
    model.zero_grad()
    F.cross_entropy(model(x), y).backward()
    return [p.grad.clone() for p in model.parameters()]


def reference_grads(model, x, y):
    """The intended estimator: binary forward, sigmoid-derivative backward."""
    lin1, _, lin2 = model
    soft = torch.sigmoid(lin1(x))
    hard = soft + (soft.round() - soft).detach()
    model.zero_grad()
    F.cross_entropy(lin2(hard), y).backward()
    return [p.grad.clone() for p in model.parameters()]


def run():
    model = make_model()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    torch.manual_seed(1)
    for _ in range(2):
        x, y = torch.randn(8, 6), torch.randint(0, 3, (8,))
        grads(model, x, y)
        opt.step()


def silent_hazard():
    torch.manual_seed(1)
    x, y = torch.randn(8, 6), torch.randint(0, 3, (8,))
    got = grads(make_model(), x, y)
    ref = reference_grads(make_model(), x, y)
    return any(not torch.allclose(a, b, atol=1e-6) for a, b in zip(got, ref))
