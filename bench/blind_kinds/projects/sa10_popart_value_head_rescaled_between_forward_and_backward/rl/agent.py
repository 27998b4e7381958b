import torch
import torch.nn as nn

from .popart import PopArt


class ActorCritic(nn.Module):
    def __init__(self, obs_dim, n_actions, hidden=16, popart_beta=0.1):
        super().__init__()
        self.torso = nn.Sequential(nn.Linear(obs_dim, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh())
        self.policy = nn.Linear(hidden, n_actions)
        self.value_head = PopArt(hidden, beta=popart_beta)

    def forward(self, obs):
        h = self.torso(obs)
        return self.policy(h), self.value_head(h)

    @torch.no_grad()
    def act(self, obs):
        logits, _ = self(obs)
        return torch.distributions.Categorical(logits=logits).sample()
