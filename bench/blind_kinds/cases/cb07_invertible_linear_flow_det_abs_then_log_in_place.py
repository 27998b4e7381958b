"""A normalising flow of invertible linear maps and elementwise affine layers trained by maximum
likelihood; each linear layer's log-Jacobian is log|det W|, computed as det(W) made positive with
abs_() and then log_() in place (two allocations saved per layer)."""
import math

import torch
import torch.nn as nn


class InvertibleLinear(nn.Module):
    def __init__(self, dim):
        super().__init__()
        w = torch.linalg.qr(torch.randn(dim, dim))[0]
        self.weight = nn.Parameter(w)

    def log_abs_det(self):
        return torch.linalg.det(self.weight).abs_().log_()  # L

    def forward(self, x):
        return x @ self.weight.t(), self.log_abs_det().expand(x.shape[0])


class ElementwiseAffine(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.log_scale = nn.Parameter(torch.zeros(dim))
        self.shift = nn.Parameter(torch.zeros(dim))

    def forward(self, x):
        return x * self.log_scale.exp() + self.shift, self.log_scale.sum().expand(x.shape[0])


class Flow(nn.Module):
    def __init__(self, dim=3, depth=2):
        super().__init__()
        layers = []
        for _ in range(depth):
            layers += [InvertibleLinear(dim), ElementwiseAffine(dim)]
        self.layers = nn.ModuleList(layers)

    def log_prob(self, x):
        log_det = torch.zeros(x.shape[0])
        for layer in self.layers:
            x, ld = layer(x)
            log_det = log_det + ld
        base = -0.5 * (x ** 2).sum(-1) - 0.5 * x.shape[-1] * math.log(2 * math.pi)
        return base + log_det


def run():
    torch.manual_seed(0)
    flow = Flow()
    opt = torch.optim.Adam(flow.parameters(), lr=1e-2)
    for _ in range(2):
        x = torch.randn(8, 3) * torch.tensor([1.0, 2.0, 0.5])
        loss = -flow.log_prob(x).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
