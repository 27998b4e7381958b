"""Low-precision activations: a custom autograd Function rounds its input stochastically to a
fixed-point grid in place (mark_dirty, straight-through backward) and is applied to the sigmoid
activations of a small MLP; sigmoid keeps its output for backward."""
import torch
import torch.nn as nn


class StochasticRound(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, step):
        noise = torch.rand_like(x)
        x.div_(step).add_(noise).floor_().mul_(step)  # L
        ctx.mark_dirty(x)
        return x

    @staticmethod
    def backward(ctx, grad):
        return grad, None


class LowPrecisionMLP(nn.Module):
    def __init__(self, step=1 / 64):
        super().__init__()
        self.fc1 = nn.Linear(6, 16)
        self.fc2 = nn.Linear(16, 3)
        self.step = step

    def forward(self, x):
        h = torch.sigmoid(self.fc1(x))
        h = StochasticRound.apply(h, self.step)  # L
        return self.fc2(h)


def run():
    torch.manual_seed(0)
    model = LowPrecisionMLP()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(2):
        x, y = torch.randn(8, 6), torch.randint(0, 3, (8,))
        loss = nn.functional.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
