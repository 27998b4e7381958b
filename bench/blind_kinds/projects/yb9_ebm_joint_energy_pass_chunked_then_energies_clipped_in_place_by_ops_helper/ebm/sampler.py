"""Short-run SGLD from a persistent replay buffer (Du & Mordatch), 5% of chains restarted from noise."""
import torch


class ReplayBuffer:
    def __init__(self, capacity, dim, reinit=0.05):
        self.data = torch.rand(capacity, dim) * 4 - 2
        self.reinit = reinit

    def sample(self, n):
        idx = torch.randint(0, self.data.shape[0], (n,))
        x = self.data[idx]
        fresh = torch.rand(n) < self.reinit
        x[fresh] = torch.rand(int(fresh.sum()), x.shape[1]) * 4 - 2
        return x, idx

    def push(self, x, idx):
        self.data[idx] = x


def sgld_sample(energy, buffer, n, steps=5, step_size=0.1, noise=0.01):
    x, idx = buffer.sample(n)
    x = x.clone().requires_grad_(True)
    for _ in range(steps):
        (g,) = torch.autograd.grad(energy(x).sum(), x)
        x = (x - step_size * g + noise * torch.randn_like(x)).detach().requires_grad_(True)
    x = x.detach()
    buffer.push(x, idx)
    return x
