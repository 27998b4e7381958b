"""PopArt value head (van Hasselt et al.): adaptive return statistics, outputs preserved on update.

The statistics update rescales the head through `.data`; here it runs before the forward
pass, as in the paper, so forward and backward see the same sigma.
"""
import copy

import torch
import torch.nn as nn
import torch.nn.functional as F


class PopArtHead(nn.Module):
    def __init__(self, dim, beta=0.3):
        super().__init__()
        self.fc = nn.Linear(dim, 1)
        self.beta = beta
        self.register_buffer("mu", torch.zeros(1))
        self.register_buffer("nu", torch.ones(1))

    @property
    def sigma(self):
        return (self.nu - self.mu ** 2).clamp_min(1e-4).sqrt()

    def forward(self, h):
        return self.fc(h) * self.sigma + self.mu

    def update_stats(self, returns):
        old_mu, old_sigma = self.mu.clone(), self.sigma
        self.mu.data.lerp_(returns.mean().view(1), self.beta)
        self.nu.data.lerp_(returns.pow(2).mean().view(1), self.beta)
        self.fc.weight.data.mul_(old_sigma / self.sigma)  # L
        self.fc.bias.data.mul_(old_sigma).add_(old_mu - self.mu).div_(self.sigma)


class Critic(nn.Module):
    def __init__(self, obs_dim=4):
        super().__init__()
        self.torso = nn.Sequential(nn.Linear(obs_dim, 8), nn.ReLU())
        self.value = PopArtHead(8)

    def forward(self, obs):
        return self.value(self.torso(obs)).squeeze(-1)


STATS_BEFORE_FORWARD = True


def train(steps=2, record=None):
    torch.manual_seed(0)
    critic = Critic()
    opt = torch.optim.SGD(critic.parameters(), lr=0.05)
    for step in range(steps):
        obs, returns = torch.randn(6, 4), torch.randn(6) * 5 + 3
        if STATS_BEFORE_FORWARD:
            critic.value.update_stats(returns)
        ref = copy.deepcopy(critic)
        values = critic(obs)
        if not STATS_BEFORE_FORWARD:
            critic.value.update_stats(returns)
        loss = F.mse_loss(values, returns)
        opt.zero_grad()
        loss.backward()
        if record is not None:
            want = torch.autograd.grad(F.mse_loss(ref(obs), returns), list(ref.parameters()))
            record.append((want, [p.grad.clone() for p in critic.parameters()]))
        opt.step()


def run():
    train()


def silent_hazard():
    record = []
    train(record=record)
    return any(not torch.allclose(a, b, atol=1e-6) for want, got in record for a, b in zip(want, got))
