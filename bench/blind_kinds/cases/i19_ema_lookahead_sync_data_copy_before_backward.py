import copy
from contextlib import contextmanager

import torch
import torch.nn as nn
import torch.nn.functional as F


class ShadowEMA:
    """Shadow copies of the parameters, updated with a fused lerp; can be pushed into the model."""

    def __init__(self, params, decay=0.8):
        self.params = list(params)
        self.shadow = [p.detach().clone() for p in self.params]
        self.decay = decay

    @torch.no_grad()
    def update(self):
        torch._foreach_lerp_(self.shadow, [p.detach() for p in self.params], 1.0 - self.decay)

    def copy_to(self):
        for s, p in zip(self.shadow, self.params):
            p.data.copy_(s)  # L

    @contextmanager
    def average_parameters(self):
        backup = [p.data.clone() for p in self.params]
        for s, p in zip(self.shadow, self.params):
            p.data.copy_(s)
        try:
            yield
        finally:
            for b, p in zip(backup, self.params):
                p.data.copy_(b)


def build():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 2))
    return model, ShadowEMA(model.parameters())


def data(step):
    g = torch.Generator().manual_seed(step)
    return torch.randn(6, 4, generator=g), torch.randint(0, 2, (6,), generator=g)


def train(model, ema, steps=4, sync_every=2, record=None):
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for step in range(1, steps + 1):
        x, y = data(step)
        loss = F.cross_entropy(model(x), y)
        if record is not None:  # the true gradient, taken with the weights the forward pass used
            frozen = copy.deepcopy(model)
            record.append(torch.autograd.grad(F.cross_entropy(frozen(x), y), list(frozen.parameters())))
        if step % sync_every == 0:
            ema.copy_to()  # periodic pull-back towards the slow average
        opt.zero_grad()
        loss.backward()
        if record is not None:
            record.append([p.grad.clone() for p in model.parameters()])
        opt.step()
        ema.update()


def run():
    train(*build())


def silent_hazard():
    record = []
    train(*build(), record=record)
    pairs = zip(record[0::2], record[1::2])
    return any(not torch.allclose(a, b) for ref, got in pairs for a, b in zip(ref, got))
