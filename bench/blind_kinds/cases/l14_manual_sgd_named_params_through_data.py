import math

import torch
import torch.nn.functional as F

PARAM_NAMES = ("w1", "b1", "w2", "b2")


class TinyRegressor:
    """A two-layer regressor kept as plain tensors, trained with hand-written SGD."""

    def __init__(self, d_in=3, hidden=8):
        g = torch.Generator().manual_seed(0)
        self.w1 = (torch.randn(hidden, d_in, generator=g) / math.sqrt(d_in)).requires_grad_()
        self.b1 = torch.zeros(hidden, requires_grad=True)
        self.w2 = (torch.randn(1, hidden, generator=g) / math.sqrt(hidden)).requires_grad_()
        self.b2 = torch.zeros(1, requires_grad=True)

    def __call__(self, x):
        return F.linear(torch.tanh(F.linear(x, self.w1, self.b1)), self.w2, self.b2)

    def named_tensors(self):
        for name in PARAM_NAMES:
            yield name, getattr(self, name)


def sgd_step(model, lr, weight_decay=0.0):
    for name, p in model.named_tensors():
        if p.grad is None:
            continue
        try:
            decay = weight_decay if name.startswith("w") else 0.0
            p.data.sub_(lr * (p.grad + decay * p.data))  # L
        finally:
            p.grad = None


def fit(model, x, y, lr=0.1, tol=1e-3, max_steps=5):
    step, loss = 0, math.inf
    while loss > tol and step < max_steps:
        out = model(x)
        mse = F.mse_loss(out, y)
        mse.backward()
        sgd_step(model, lr, weight_decay=1e-4)
        loss, step = mse.item(), step + 1
    return loss


def run():
    torch.manual_seed(0)
    x = torch.randn(16, 3)
    y = x.sum(1, keepdim=True).sin()
    fit(TinyRegressor(), x, y)


def silent_hazard():
    torch.manual_seed(0)
    x = torch.randn(16, 3)
    y = x.sum(1, keepdim=True).sin()
    got, ref = TinyRegressor(), TinyRegressor()
    fit(got, x, y)
    loss, step = math.inf, 0
    while loss > 1e-3 and step < 5:  # the same loop, the update written under no_grad
        mse = F.mse_loss(ref(x), y)
        mse.backward()
        with torch.no_grad():
            for name, p in ref.named_tensors():
                decay = 1e-4 if name.startswith("w") else 0.0
                p.sub_(0.1 * (p.grad + decay * p))
                p.grad = None
        loss, step = mse.item(), step + 1
    return any(not torch.allclose(a, b) for (_, a), (_, b) in zip(got.named_tensors(), ref.named_tensors()))
