"""Gradient accumulation over micro-batches with a running loss meter kept in a preallocated
0-d tensor (no host sync per micro-batch): each micro-batch loss is added into it with
torch.add(..., out=...), the detached loss only: each micro-batch's loss / accum is backpropagated
as it comes."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class LossMeter:
    def __init__(self):
        self.total = torch.zeros(())
        self.count = 0

    def add(self, loss):
        torch.add(self.total, loss.detach(), out=self.total)  # L
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
        opt.zero_grad()
        for _ in range(accum):
            x, y = torch.randn(4, 6), torch.randint(0, 3, (4,))
            loss = F.cross_entropy(model(x), y)
            (loss / accum).backward()
            meter.add(loss)  # L
        opt.step()
        meter.mean().item()
