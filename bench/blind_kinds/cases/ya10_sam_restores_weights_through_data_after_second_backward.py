"""Sharpness-aware minimisation (SAM): climb to w + e(w), take the gradient there, come back to w
and step.  The weights are restored through .data after the second backward, as the reference
implementation does, so the sharpness gradient is the gradient at w + e(w)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def make_model():
    torch.manual_seed(0)
    return nn.Sequential(nn.Linear(6, 8), nn.Tanh(), nn.Linear(8, 3))


def batch():
    g = torch.Generator().manual_seed(1)
    return torch.randn(5, 6, generator=g), torch.randint(0, 3, (5,), generator=g)


@torch.no_grad()
def ascend(params, rho):
    norm = torch.norm(torch.stack([p.grad.norm() for p in params]))
    eps = [rho * p.grad / (norm + 1e-12) for p in params]
    for p, e in zip(params, eps):
        p.add_(e)  # L
    return eps


def restore(params, eps):
    for p, e in zip(params, eps):
        p.data.sub_(e)  # L


def sam_grads(model, x, y, rho=0.5):
    params = list(model.parameters())
    F.cross_entropy(model(x), y).backward()
    eps = ascend(params, rho)
    model.zero_grad()
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    restore(params, eps)
    return [p.grad.clone() for p in params]


def reference_grads(model, x, y, rho=0.5):
    params = list(model.parameters())
    F.cross_entropy(model(x), y).backward()
    eps = ascend(params, rho)
    model.zero_grad()
    F.cross_entropy(model(x), y).backward()
    restore(params, eps)
    return [p.grad.clone() for p in params]


def run():
    model = make_model()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    x, y = batch()
    for _ in range(2):
        opt.zero_grad()
        sam_grads(model, x, y)
        opt.step()


def silent_hazard():
    x, y = batch()
    got = sam_grads(make_model(), x, y)
    want = reference_grads(make_model(), x, y)
    return any(not torch.allclose(a, b, atol=1e-6) for a, b in zip(got, want))
