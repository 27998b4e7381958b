"""PPO continuous-control policy with a state-independent log-std parameter (as in the original
PPO MuJoCo setup), bounded to a sane range in place at the start of every forward so the
exploration noise cannot collapse or explode."""
from dataclasses import dataclass

import torch
import torch.nn as nn
from torch.distributions import Independent, Normal


@dataclass
class PolicyConfig:
    obs_dim: int = 6
    act_dim: int = 2
    hidden: int = 16
    log_std_init: float = -0.5
    log_std_min: float = -4.0
    log_std_max: float = 0.5


class GaussianPolicy(nn.Module):
    def __init__(self, cfg: PolicyConfig):
        super().__init__()
        self.cfg = cfg
        self.mean = nn.Sequential(nn.Linear(cfg.obs_dim, cfg.hidden), nn.Tanh(), nn.Linear(cfg.hidden, cfg.act_dim))
        self.log_std = nn.Parameter(torch.full((cfg.act_dim,), cfg.log_std_init))

    def _bound_log_std(self):
        return self.log_std.clamp_(self.cfg.log_std_min, self.cfg.log_std_max)  # L

    def forward(self, obs):
        std = self._bound_log_std().exp()  # L
        return Independent(Normal(self.mean(obs), std), 1)


def ppo_loss(policy, obs, actions, old_logp, adv, clip=0.2, ent_coef=0.01):
    dist = policy(obs)
    ratio = (dist.log_prob(actions) - old_logp).exp()
    surrogate = torch.min(ratio * adv, ratio.clamp(1 - clip, 1 + clip) * adv)
    return -(surrogate.mean() + ent_coef * dist.entropy().mean())


def run():
    torch.manual_seed(0)
    policy = GaussianPolicy(PolicyConfig())
    opt = torch.optim.Adam(policy.parameters(), lr=3e-4)
    obs = torch.randn(16, 6)
    with torch.no_grad():
        dist = policy(obs)
        actions = dist.sample()
        old_logp = dist.log_prob(actions)
    adv = torch.randn(16)
    for _ in range(2):
        loss = ppo_loss(policy, obs, actions, old_logp, adv)
        opt.zero_grad()
        loss.backward()
        opt.step()
