"""Quantisation-aware training with a hand-written fake-quantiser: an autograd.Function with a
straight-through backward that rounds its input in place (to avoid a copy of a large weight) and
declares it with ctx.mark_dirty, applied to each layer's weight in the forward."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class FakeQuantSTE(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, n_bits):
        qmax = 2 ** (n_bits - 1) - 1
        scale = x.abs().amax().clamp(min=1e-8) / qmax
        x.div_(scale).round_().clamp_(-qmax - 1, qmax).mul_(scale)  # L
        ctx.mark_dirty(x)
        return x

    @staticmethod
    def backward(ctx, grad):
        return grad, None


class QuantLinear(nn.Linear):
    n_bits = 4

    def forward(self, x):
        w = FakeQuantSTE.apply(self.weight, self.n_bits)  # L
        return F.linear(x, w, self.bias)


def run():
    torch.manual_seed(0)
    model = nn.Sequential(QuantLinear(6, 12), nn.ReLU(), QuantLinear(12, 3))
    opt = torch.optim.SGD(model.parameters(), lr=1e-2)
    for _ in range(2):
        x, y = torch.randn(8, 6), torch.randint(0, 3, (8,))
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
