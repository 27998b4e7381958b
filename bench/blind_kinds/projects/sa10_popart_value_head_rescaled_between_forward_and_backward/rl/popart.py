"""PopArt value normalisation (van Hasselt et al., 2016).

The head predicts values in normalised units; ``update`` moves the running
statistics of the return targets and rescales the last layer so that the
unnormalised predictions are preserved exactly ("Preserving Outputs Precisely").
"""
import torch
import torch.nn as nn


class PopArt(nn.Module):
    def __init__(self, in_dim, beta=0.1, eps=1e-4):
        super().__init__()
        self.beta = beta
        self.eps = eps
        self.linear = nn.Linear(in_dim, 1)
        self.register_buffer("mu", torch.zeros(1))
        self.register_buffer("nu", torch.ones(1))

    @property
    def sigma(self):
        return (self.nu - self.mu.pow(2)).clamp(min=self.eps).sqrt()

    def forward(self, h):
        return self.linear(h).squeeze(-1)

    def normalize(self, targets):
        return (targets - self.mu) / self.sigma

    def unnormalize(self, v_norm):
        return v_norm * self.sigma + self.mu

    @torch.no_grad()
    def update(self, targets):
        old_mu, old_sigma = self.mu.clone(), self.sigma
        self.mu.lerp_(targets.mean().reshape(1), self.beta)
        self.nu.lerp_(targets.pow(2).mean().reshape(1), self.beta)
        new_sigma = self.sigma
        self.linear.weight.mul_(old_sigma / new_sigma)  # L
        self.linear.bias.mul_(old_sigma).add_(old_mu - self.mu).div_(new_sigma)  # L
