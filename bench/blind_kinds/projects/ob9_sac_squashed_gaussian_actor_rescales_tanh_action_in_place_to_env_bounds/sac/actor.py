import torch
import torch.nn as nn

from .spaces import BoxRescaler

LOG_STD_MIN, LOG_STD_MAX = -5.0, 2.0


class SquashedGaussianActor(nn.Module):
    def __init__(self, obs_dim, low, high, hidden=32):
        super().__init__()
        self.rescaler = BoxRescaler(low, high)
        act_dim = len(low)
        self.body = nn.Sequential(nn.Linear(obs_dim, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU())
        self.mu, self.log_std = nn.Linear(hidden, act_dim), nn.Linear(hidden, act_dim)

    def forward(self, obs):
        h = self.body(obs)
        log_std = torch.tanh(self.log_std(h))
        log_std = LOG_STD_MIN + 0.5 * (LOG_STD_MAX - LOG_STD_MIN) * (log_std + 1)
        dist = torch.distributions.Normal(self.mu(h), log_std.exp())
        u = dist.rsample()
        a = torch.tanh(u)
        # change of variables through tanh, then through the affine map to the env's box
        log_prob = dist.log_prob(u).sum(-1) - torch.log(1 - a.pow(2) + 1e-6).sum(-1)
        log_prob = log_prob - self.rescaler.log_det()
        return self.rescaler.to_env_(a), log_prob  # L
