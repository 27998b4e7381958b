import torch
import torch.nn as nn


class Policy(nn.Module):
    def __init__(self, obs_dim=4, n_actions=2, hidden=16):
        super().__init__()
        self.base = nn.Sequential(nn.Linear(obs_dim, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh())
        self.actor = nn.Linear(hidden, n_actions)
        self.critic = nn.Linear(hidden, 1)

    def act(self, obs):
        h = self.base(obs)
        dist = torch.distributions.Categorical(logits=self.actor(h))
        action = dist.sample()
        return self.critic(h).squeeze(-1), action, dist.log_prob(action), dist.entropy()

    def value(self, obs):
        return self.critic(self.base(obs)).squeeze(-1)
