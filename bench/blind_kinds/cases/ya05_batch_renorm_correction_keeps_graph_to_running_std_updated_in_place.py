"""Batch Renormalization (Ioffe, 2017) written by hand for small-batch training: the correction
factors r = sigma / running_sigma and d = (mu - running_mu) / running_sigma, then the running
statistics are updated in place at the end of the training forward.  The paper treats r and d as
constants; this version forgets to detach them."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class BatchRenorm1d(nn.Module):
    def __init__(self, n, momentum=0.1, eps=1e-5, r_max=3.0, d_max=5.0):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(n))
        self.bias = nn.Parameter(torch.zeros(n))
        self.register_buffer("running_mean", torch.zeros(n))
        self.register_buffer("running_std", torch.ones(n))
        self.momentum, self.eps, self.r_max, self.d_max = momentum, eps, r_max, d_max

    def forward(self, x):
        if not self.training:
            return (x - self.running_mean) / self.running_std * self.weight + self.bias
        mu = x.mean(0)
        sigma = (x.var(0, unbiased=False) + self.eps).sqrt()
        r = (sigma / self.running_std).clamp(1 / self.r_max, self.r_max)
        d = ((mu - self.running_mean) / self.running_std).clamp(-self.d_max, self.d_max)
        y = (x - mu) / sigma * r + d
        self.running_mean.add_(self.momentum * (mu.detach() - self.running_mean))
        self.running_std.add_(self.momentum * (sigma.detach() - self.running_std))  # L
        return y * self.weight + self.bias


def run():
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(6, 8), BatchRenorm1d(8), nn.ReLU(), nn.Linear(8, 3))
    opt = torch.optim.SGD(net.parameters(), lr=0.05)
    for _ in range(2):
        x, y = torch.randn(4, 6), torch.randint(0, 3, (4,))
        loss = F.cross_entropy(net(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
