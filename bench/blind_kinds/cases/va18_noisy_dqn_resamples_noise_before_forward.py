"""Noisy-net DQN (Fortunato et al.): factorised Gaussian noise buffers, resampled by the learner each update."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class NoisyLinear(nn.Module):
    def __init__(self, in_features, out_features, std_init=0.5):
        super().__init__()
        self.in_features, self.out_features = in_features, out_features
        bound = 1 / math.sqrt(in_features)
        self.weight_mu = nn.Parameter(torch.empty(out_features, in_features).uniform_(-bound, bound))
        self.weight_sigma = nn.Parameter(torch.full((out_features, in_features), std_init * bound))
        self.bias_mu = nn.Parameter(torch.empty(out_features).uniform_(-bound, bound))
        self.bias_sigma = nn.Parameter(torch.full((out_features,), std_init / math.sqrt(out_features)))
        self.register_buffer("weight_epsilon", torch.empty(out_features, in_features))
        self.register_buffer("bias_epsilon", torch.empty(out_features))
        self.reset_noise()

    @staticmethod
    def _scale_noise(size):
        x = torch.randn(size)
        return x.sign().mul_(x.abs().sqrt_())

    def reset_noise(self):
        eps_in, eps_out = self._scale_noise(self.in_features), self._scale_noise(self.out_features)
        self.weight_epsilon.copy_(eps_out.outer(eps_in))  # L
        self.bias_epsilon.copy_(eps_out)  # L

    def forward(self, x):
        if self.training:
            w = self.weight_mu + self.weight_sigma * self.weight_epsilon
            b = self.bias_mu + self.bias_sigma * self.bias_epsilon
            return F.linear(x, w, b)
        return F.linear(x, self.weight_mu, self.bias_mu)


class NoisyQNet(nn.Module):
    def __init__(self, obs_dim=4, n_actions=3, hidden=8):
        super().__init__()
        self.fc = nn.Linear(obs_dim, hidden)
        self.noisy = nn.ModuleList([NoisyLinear(hidden, hidden), NoisyLinear(hidden, n_actions)])

    def forward(self, x):
        x = F.relu(self.fc(x))
        x = F.relu(self.noisy[0](x))
        return self.noisy[1](x)

    def reset_noise(self):
        for layer in self.noisy:
            layer.reset_noise()  # L


class Learner:
    def __init__(self, net, lr=1e-3, gamma=0.99):
        self.net, self.gamma = net, gamma
        self.opt = torch.optim.Adam(net.parameters(), lr=lr)

    def update(self, obs, act, rew, nxt, done):
        self.net.reset_noise()  # L
        q = self.net(obs).gather(1, act[:, None]).squeeze(1)
        with torch.no_grad():
            y = rew + self.gamma * (1 - done) * self.net(nxt).max(1).values
        loss = F.mse_loss(q, y)
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        return loss.item()


def run():
    torch.manual_seed(0)
    learner = Learner(NoisyQNet())
    for _ in range(2):
        learner.update(torch.randn(5, 4), torch.randint(0, 3, (5,)), torch.randn(5), torch.randn(5, 4),
                       torch.zeros(5))
