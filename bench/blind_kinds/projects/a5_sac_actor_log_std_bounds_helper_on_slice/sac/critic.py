import torch
import torch.nn as nn

from .common import mlp


class TwinQ(nn.Module):
    def __init__(self, obs_dim, act_dim, hidden=(32, 32)):
        super().__init__()
        self.q1 = mlp([obs_dim + act_dim, *hidden, 1])
        self.q2 = mlp([obs_dim + act_dim, *hidden, 1])

    def forward(self, obs, act):
        x = torch.cat([obs, act], dim=-1)
        return self.q1(x).squeeze(-1), self.q2(x).squeeze(-1)
