import torch
import torch.nn as nn
import torch.nn.functional as F


class DynamicsModel(nn.Module):
    """Predicts the state change and the reward of a transition."""

    def __init__(self, state_dim, act_dim, hidden=32):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(state_dim + act_dim, hidden), nn.SiLU(), nn.Linear(hidden, hidden),
                                 nn.SiLU(), nn.Linear(hidden, state_dim + 1))

    def forward(self, state, action):
        out = self.net(torch.cat([state, action], -1))
        return state + out[..., :-1], out[..., -1]


def fit_model(model, opt, data, epochs=2):
    states, actions, next_states, rewards = data
    for _ in range(epochs):
        pred_next, pred_reward = model(states, actions)
        loss = F.mse_loss(pred_next, next_states) + F.mse_loss(pred_reward, rewards)
        opt.zero_grad()
        loss.backward()
        opt.step()
    return loss.item()
