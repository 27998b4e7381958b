import torch
import torch.nn as nn

from .layers import ProbFloor


class CategoricalPolicy(nn.Module):
    def __init__(self, obs_dim, n_actions, hidden=32, prob_floor=0.0, floor_inplace=False):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(obs_dim, hidden), nn.Tanh(), nn.Linear(hidden, n_actions))
        self.floor = ProbFloor(prob_floor, inplace=floor_inplace) if prob_floor > 0 else nn.Identity()

    def forward(self, obs):
        probs = torch.softmax(self.body(obs), dim=-1)
        return self.floor(probs)  # L

    def log_prob(self, obs, actions):
        return self.forward(obs).gather(-1, actions.unsqueeze(-1)).squeeze(-1).log()  # L
