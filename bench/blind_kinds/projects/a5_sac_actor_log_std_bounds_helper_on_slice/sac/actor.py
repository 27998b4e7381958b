import math

import torch
import torch.nn as nn

from . import common


class GaussianActor(nn.Module):
    """Tanh-squashed Gaussian policy (SAC)."""

    def __init__(self, obs_dim, act_dim, hidden=(32, 32)):
        super().__init__()
        self.act_dim = act_dim
        self.net = common.mlp([obs_dim, *hidden, 2 * act_dim])

    def distribution_params(self, obs):
        out = self.net(obs)
        mu, log_std = out[..., :self.act_dim], out[..., self.act_dim:]
        return mu, common.bound_log_std_(log_std)  # L

    def forward(self, obs, deterministic=False):
        mu, log_std = self.distribution_params(obs)
        std = log_std.exp()
        u = mu if deterministic else mu + std * torch.randn_like(mu)
        a = torch.tanh(u)
        logp = (-0.5 * ((u - mu) / std).pow(2) - log_std - 0.5 * math.log(2 * math.pi)).sum(-1)
        logp = logp - (2 * (math.log(2) - u - nn.functional.softplus(-2 * u))).sum(-1)
        return a, logp
