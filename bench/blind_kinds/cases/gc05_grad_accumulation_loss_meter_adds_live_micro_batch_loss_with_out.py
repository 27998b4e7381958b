"""Gradient accumulation over micro-batches with a running loss meter kept in a preallocated
0-d tensor (no host sync per micro-batch): each micro-batch loss is added into it with
torch.add(..., out=...), and the accumulated mean is what backward is called on."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class LossMeter:
    def __init__(self):
        self.total = torch.zeros(())
        self.count = 0

    def add(self, loss):
        torch.add(self.total, loss, out=self.total)  # L
        self.count += 1

    def mean(self):
        return self.total / self.count


def run():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(6, 8), nn.Tanh(), nn.Linear(8, 3))
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    accum = 3
    for _ in range(2):
        meter = LossMeter()
        for _ in range(accum):
            x, y = torch.randn(4, 6), torch.randint(0, 3, (4,))
            meter.add(F.cross_entropy(model(x), y))  # L
        opt.zero_grad()
        meter.mean().backward()
        opt.step()
