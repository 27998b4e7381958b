import torch
import torch.nn as nn


class WorldModel(nn.Module):
    """A deterministic latent dynamics model and a reward head, trained elsewhere; the behaviour
    learner backpropagates through it (dynamics backpropagation) without updating it."""

    def __init__(self, latent=6, act_dim=2):
        super().__init__()
        self.dynamics = nn.Sequential(nn.Linear(latent + act_dim, 16), nn.ELU(), nn.Linear(16, latent))
        self.reward = nn.Sequential(nn.Linear(latent, 16), nn.ELU(), nn.Linear(16, 1))

    def step(self, state, action):
        return state + torch.tanh(self.dynamics(torch.cat([state, action], -1)))

    def predict_reward(self, states):
        return self.reward(states).squeeze(-1)
