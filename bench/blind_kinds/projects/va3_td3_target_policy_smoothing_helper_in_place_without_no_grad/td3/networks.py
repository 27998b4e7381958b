import torch
import torch.nn as nn


def mlp(sizes, act=nn.ReLU, out_act=None):
    layers = []
    for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
        layers.append(nn.Linear(a, b))
        if i < len(sizes) - 2:
            layers.append(act())
    if out_act is not None:
        layers.append(out_act())
    return nn.Sequential(*layers)


class Actor(nn.Module):
    """Acts in the normalised action box [-1, 1]; the env wrapper rescales to the real bounds."""

    max_action = 1.0

    def __init__(self, obs_dim, act_dim, hidden=8):
        super().__init__()
        self.body = mlp([obs_dim, hidden, hidden, act_dim], out_act=nn.Tanh)

    def forward(self, obs):
        return self.body(obs)


class TwinCritic(nn.Module):
    def __init__(self, obs_dim, act_dim, hidden=8):
        super().__init__()
        self.q1 = mlp([obs_dim + act_dim, hidden, 1])
        self.q2 = mlp([obs_dim + act_dim, hidden, 1])

    def forward(self, obs, act):
        sa = torch.cat([obs, act], dim=-1)
        return self.q1(sa), self.q2(sa)
