"""PPO with a diagonal Gaussian actor on a continuous-control toy task. The actor's std comes
from a state-dependent softplus head; an exploration floor keeps it above min_std, applied in
place on the std before the distribution is built from it."""
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Normal


class GaussianActor(nn.Module):
    def __init__(self, obs_dim=4, act_dim=2, min_std=0.7):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(obs_dim, 16), nn.Tanh())
        self.mu = nn.Linear(16, act_dim)
        self.std = nn.Linear(16, act_dim)
        self.min_std = min_std

    def floor_(self, std):
        return std.clamp_(min=self.min_std)  # L

    def forward(self, obs, actions):
        h = self.body(obs)
        std = F.softplus(self.std(h)) + 1e-3
        dist = Normal(self.mu(h), self.floor_(std))  # L
        logp = dist.log_prob(actions).sum(-1)
        return logp, dist.entropy().sum(-1)


def ppo_loss(logp, old_logp, adv, ent, clip=0.2):
    ratio = torch.exp(logp - old_logp)
    surr = torch.min(ratio * adv, ratio.clamp(1 - clip, 1 + clip) * adv)
    return -(surr.mean() + 0.01 * ent.mean())


def run():
    torch.manual_seed(0)
    actor = GaussianActor()
    opt = torch.optim.Adam(actor.parameters(), lr=3e-4)
    obs, actions, adv = torch.randn(8, 4), torch.randn(8, 2), torch.randn(8)
    with torch.no_grad():
        old_logp, _ = actor(obs, actions)
    for _ in range(2):
        opt.zero_grad()
        logp, ent = actor(obs, actions)
        ppo_loss(logp, old_logp, adv, ent).backward()
        opt.step()
