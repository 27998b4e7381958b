import torch
import torch.nn as nn
from torch.distributions import Categorical


class ActorCritic(nn.Module):
    def __init__(self, obs_dim=4, n_actions=3, hidden=16):
        super().__init__()
        self.trunk = nn.Sequential(nn.Linear(obs_dim, hidden), nn.Tanh())
        self.pi = nn.Linear(hidden, n_actions)
        self.v = nn.Linear(hidden, 1)

    def forward(self, obs):
        h = self.trunk(obs)
        return Categorical(logits=self.pi(h)), self.v(h).squeeze(-1)


def normalize_(x, eps=1e-8):
    return x.sub_(x.mean()).div_(x.std() + eps)  # L


def ppo_loss(model, obs, actions, old_logp, returns, clip=0.2, vf_coef=0.5):
    dist, values = model(obs)
    adv = returns - values
    normalize_(adv)  # L
    ratio = (dist.log_prob(actions) - old_logp).exp()
    pg = -torch.min(ratio * adv, ratio.clamp(1 - clip, 1 + clip) * adv).mean()
    vf = (returns - values).pow(2).mean()
    return pg + vf_coef * vf - 0.01 * dist.entropy().mean()


def run():
    torch.manual_seed(0)
    model = ActorCritic()
    opt = torch.optim.Adam(model.parameters(), lr=3e-4)
    obs = torch.randn(8, 4)
    with torch.no_grad():
        dist, _ = model(obs)
        actions = dist.sample()
        old_logp = dist.log_prob(actions)
    returns = torch.randn(8)
    loss = ppo_loss(model, obs, actions, old_logp, returns)
    opt.zero_grad()
    loss.backward()
    opt.step()
