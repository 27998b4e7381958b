"""A2C-style bandit policy that samples with the Gumbel-max trick "without an extra allocation"."""
from dataclasses import dataclass, field

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass
class Batch:
    obs: torch.Tensor
    actions: torch.Tensor = None
    log_probs: torch.Tensor = None
    rewards: torch.Tensor = None
    extras: dict = field(default_factory=dict)


def gumbel_like(t, generator=None):
    u = torch.rand(t.shape, generator=generator).clamp_(1e-6, 1.0 - 1e-6)
    return -torch.log(-torch.log(u))


class Policy(nn.Module):
    def __init__(self, obs_dim=6, n_actions=4, hidden=16):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(obs_dim, hidden), nn.Tanh())
        self.logits = nn.Linear(hidden, n_actions)

    def act(self, batch, generator=None):
        logits = self.logits(self.body(batch.obs))
        logp = F.log_softmax(logits, dim=-1)
        scores = logp.add_(gumbel_like(logp, generator))  # L
        batch.actions = scores.argmax(-1)
        batch.log_probs = logp.gather(1, batch.actions[:, None]).squeeze(1)
        batch.extras["entropy"] = -(logp.exp() * logp).sum(-1)
        return batch


def bandit_rewards(obs, actions):
    best = obs[:, :4].argmax(-1)
    return (actions == best).float()


def episodes(n, batch_size, obs_dim, generator):
    for _ in range(n):
        yield Batch(obs=torch.randn(batch_size, obs_dim, generator=generator))


def run():
    torch.manual_seed(0)
    gen = torch.Generator().manual_seed(1)
    policy = Policy()
    opt = torch.optim.Adam(policy.parameters(), lr=1e-2)
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=1, gamma=0.9)
    baseline = torch.zeros(())
    for batch in episodes(2, 8, 6, gen):
        batch = policy.act(batch, generator=gen)
        batch.rewards = bandit_rewards(batch.obs, batch.actions)
        with torch.no_grad():
            baseline.mul_(0.9).add_(0.1 * batch.rewards.mean())
        adv = batch.rewards - baseline
        loss = -(adv * batch.log_probs).mean() - 0.01 * batch.extras["entropy"].mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
