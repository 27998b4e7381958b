"""SAC actor: reparameterised Gaussian squashed by tanh, the log-prob corrected, then mapped to the env's bounds."""
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Normal


class SquashedGaussianActor(nn.Module):
    def __init__(self, obs_dim=4, act_dim=2, hidden=8, low=-2.0, high=2.0):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(obs_dim, hidden), nn.ReLU(), nn.Linear(hidden, 2 * act_dim))
        self.register_buffer("action_scale", torch.tensor((high - low) / 2.0))
        self.register_buffer("action_bias", torch.tensor((high + low) / 2.0))

    def forward(self, obs):
        mu, log_std = self.net(obs).chunk(2, dim=-1)
        std = log_std.clamp(-5, 2).exp()
        u = Normal(mu, std).rsample()
        a = torch.tanh(u)
        log_prob = Normal(mu, std).log_prob(u)
        log_prob = log_prob - torch.log(self.action_scale * (1 - a.pow(2)) + 1e-6)
        action = a.mul_(self.action_scale).add_(self.action_bias)  # L
        return action, log_prob.sum(-1)


class Critic(nn.Module):
    def __init__(self, obs_dim=4, act_dim=2, hidden=8):
        super().__init__()
        self.q = nn.Sequential(nn.Linear(obs_dim + act_dim, hidden), nn.ReLU(), nn.Linear(hidden, 1))

    def forward(self, obs, act):
        return self.q(torch.cat([obs, act], -1)).squeeze(-1)


def run():
    torch.manual_seed(0)
    actor, critic = SquashedGaussianActor(), Critic()
    opt = torch.optim.Adam(actor.parameters(), lr=3e-4)
    alpha = 0.2
    for _ in range(2):
        obs = torch.randn(5, 4)
        action, log_prob = actor(obs)
        actor_loss = (alpha * log_prob - critic(obs, action)).mean()
        opt.zero_grad()
        actor_loss.backward()
        opt.step()
