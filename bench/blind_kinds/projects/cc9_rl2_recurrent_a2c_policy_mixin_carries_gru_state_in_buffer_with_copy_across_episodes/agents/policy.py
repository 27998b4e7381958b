import torch
import torch.nn as nn

from .state import StatefulMixin


class RecurrentPolicy(StatefulMixin, nn.Module):
    def __init__(self, obs_dim, n_actions, n_envs, hidden=16, carry_across_episodes=False):
        super().__init__()
        # RL^2-style meta-RL keeps the memory across the episodes of a trial
        self.carry_across_episodes = carry_across_episodes
        self.encode = nn.Sequential(nn.Linear(obs_dim, hidden), nn.ReLU())
        self.cell = nn.GRUCell(hidden, hidden)
        self.pi = nn.Linear(hidden, n_actions)
        self.v = nn.Linear(hidden, 1)
        self.init_state(n_envs, hidden)

    def forward(self, obs, first):
        """One step for every env; `first` marks envs whose episode just started."""
        prev = self.hidden if self.carry_across_episodes else self.hidden * (1 - first)[:, None]
        h = self.cell(self.encode(obs), prev)
        self.carry_(h)  # L
        return self.pi(h), self.v(h).squeeze(-1)
