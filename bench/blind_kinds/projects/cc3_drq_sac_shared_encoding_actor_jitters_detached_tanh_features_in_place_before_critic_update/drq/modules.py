import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class Encoder(nn.Module):
    """DrQ's trunk: projection, LayerNorm, tanh."""

    def __init__(self, obs_dim, feat_dim):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(obs_dim, 32), nn.ReLU(), nn.Linear(32, feat_dim), nn.LayerNorm(feat_dim), nn.Tanh())

    def forward(self, obs):
        return self.net(obs)


class SquashedGaussianActor(nn.Module):
    def __init__(self, feat_dim, act_dim, hidden=32):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(feat_dim, hidden), nn.ReLU(), nn.Linear(hidden, 2 * act_dim))

    def forward(self, feat):
        mu, log_std = self.net(feat).chunk(2, -1)
        std = log_std.clamp(-5, 2).exp()
        u = mu + std * torch.randn_like(mu)
        logp = (-0.5 * ((u - mu) / std) ** 2 - std.log() - 0.5 * math.log(2 * math.pi)).sum(-1)
        logp = logp - (2 * (math.log(2) - u - F.softplus(-2 * u))).sum(-1)
        return torch.tanh(u), logp


class TwinCritic(nn.Module):
    def __init__(self, feat_dim, act_dim, hidden=32):
        super().__init__()
        self.q1 = nn.Sequential(nn.Linear(feat_dim + act_dim, hidden), nn.ReLU(), nn.Linear(hidden, 1))
        self.q2 = nn.Sequential(nn.Linear(feat_dim + act_dim, hidden), nn.ReLU(), nn.Linear(hidden, 1))

    def forward(self, feat, act):
        x = torch.cat([feat, act], -1)
        return self.q1(x).squeeze(-1), self.q2(x).squeeze(-1)
