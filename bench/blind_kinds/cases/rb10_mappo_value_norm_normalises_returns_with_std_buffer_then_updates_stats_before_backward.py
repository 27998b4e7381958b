"""A MAPPO-style value normaliser kept as buffers (running mean and std). The critic's output is
compared with the normalised returns ((r - mean) / std), as MAPPO takes its value loss; the
normaliser's statistics are refreshed in place from the batch's returns before backward."""
import torch
import torch.nn as nn


class ValueNorm(nn.Module):
    def __init__(self, beta=0.9, eps=1e-5):
        super().__init__()
        self.beta, self.eps = beta, eps
        self.register_buffer("mean", torch.zeros(()))
        self.register_buffer("mean_sq", torch.ones(()))
        self.register_buffer("std", torch.ones(()))

    @torch.no_grad()
    def update(self, returns):
        self.mean.lerp_(returns.mean(), 1 - self.beta)
        self.mean_sq.lerp_(returns.pow(2).mean(), 1 - self.beta)
        self.std.copy_((self.mean_sq - self.mean ** 2).clamp(min=self.eps).sqrt())  # L

    def normalize(self, x):
        return (x - self.mean) / self.std

    def denormalize(self, v):
        return v * self.std + self.mean


def value_loss(critic, vnorm, obs, returns):
    values = critic(obs).squeeze(-1)
    loss = (vnorm.normalize(returns) - values).pow(2).mean()
    vnorm.update(returns)  # L
    return loss


def run():
    torch.manual_seed(0)
    critic = nn.Sequential(nn.Linear(6, 16), nn.Tanh(), nn.Linear(16, 1))
    vnorm = ValueNorm()
    opt = torch.optim.Adam(critic.parameters(), lr=5e-4)
    for _ in range(2):
        obs, returns = torch.randn(8, 6), 5.0 + 3.0 * torch.randn(8)
        loss = value_loss(critic, vnorm, obs, returns)
        opt.zero_grad()
        loss.backward()
        opt.step()
