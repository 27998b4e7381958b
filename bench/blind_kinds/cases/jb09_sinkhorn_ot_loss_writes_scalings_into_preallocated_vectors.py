"""An entropic optimal-transport loss between two point clouds predicted by a small generator,
computed with differentiable Sinkhorn iterations. The scaling vectors u and v are allocated once
and refreshed with slice assignment in the loop."""
import torch
import torch.nn as nn


class SinkhornLoss(nn.Module):
    def __init__(self, eps=0.5, n_iters=5):
        super().__init__()
        self.eps, self.n_iters = eps, n_iters

    def forward(self, x, y):
        cost = torch.cdist(x, y) ** 2
        kernel = torch.exp(-cost / self.eps)
        a = torch.full((x.shape[0],), 1.0 / x.shape[0])
        b = torch.full((y.shape[0],), 1.0 / y.shape[0])
        u, v = torch.ones_like(a), torch.ones_like(b)
        for _ in range(self.n_iters):
            u[:] = a / (kernel @ v)  # L
            v[:] = b / (kernel.t() @ u)  # L
        plan = u[:, None] * kernel * v[None, :]
        return (plan * cost).sum()


def run():
    torch.manual_seed(0)
    gen = nn.Sequential(nn.Linear(3, 16), nn.Tanh(), nn.Linear(16, 2))
    crit = SinkhornLoss()
    opt = torch.optim.Adam(gen.parameters(), lr=1e-3)
    for _ in range(2):
        z, target = torch.randn(6, 3), torch.randn(5, 2)
        loss = crit(gen(z), target)
        opt.zero_grad()
        loss.backward()
        opt.step()
