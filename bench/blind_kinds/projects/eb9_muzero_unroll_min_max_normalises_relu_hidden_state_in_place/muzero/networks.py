import torch
import torch.nn as nn
import torch.nn.functional as F

from .ops import normalize_hidden_

ACTIVATIONS = {"relu": nn.ReLU, "gelu": nn.GELU, "elu": nn.ELU, "tanh": nn.Tanh}


class MuZeroNet(nn.Module):
    def __init__(self, obs_dim, n_actions, hidden, state_activation):
        super().__init__()
        self.n_actions = n_actions
        act = ACTIVATIONS[state_activation]
        self.representation = nn.Sequential(nn.Linear(obs_dim, hidden), act())
        self.dynamics_state = nn.Sequential(nn.Linear(hidden + n_actions, hidden), act())
        self.dynamics_reward = nn.Linear(hidden + n_actions, 1)
        self.policy = nn.Linear(hidden, n_actions)
        self.value = nn.Linear(hidden, 1)

    def predict(self, state):
        return self.policy(state), self.value(state).squeeze(-1)

    def initial_inference(self, obs):
        state = normalize_hidden_(self.representation(obs))  # L
        return (state, *self.predict(state))

    def recurrent_inference(self, state, action):
        x = torch.cat([state, F.one_hot(action, self.n_actions).float()], dim=-1)
        next_state = normalize_hidden_(self.dynamics_state(x))  # L
        reward = self.dynamics_reward(x).squeeze(-1)
        return (next_state, reward, *self.predict(next_state))
