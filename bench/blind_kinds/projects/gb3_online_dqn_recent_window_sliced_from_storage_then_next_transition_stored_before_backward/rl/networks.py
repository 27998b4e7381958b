import torch
import torch.nn as nn


class QNetwork(nn.Module):
    def __init__(self, obs_dim, n_actions, hidden=16):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(obs_dim, hidden), nn.ReLU(), nn.Linear(hidden, n_actions))

    def forward(self, obs):
        return self.net(obs)


class ToyEnv:
    """A random linear system: the reward is the chosen coordinate of the observation."""

    def __init__(self, obs_dim, n_actions):
        self.mix = torch.randn(n_actions, obs_dim, obs_dim) * 0.3
        self.obs = None

    def reset(self):
        self.obs = torch.randn(self.mix.shape[-1])
        return self.obs

    def step(self, action):
        reward = self.obs[action]
        self.obs = torch.tanh(self.mix[action] @ self.obs) + 0.1 * torch.randn_like(self.obs)
        return reward, self.obs
