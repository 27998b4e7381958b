"""IWAE: the loss is the logsumexp bound; a reused buffer keeps the detached bound for logging."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class IWAE(nn.Module):
    def __init__(self, x_dim=6, z_dim=2, k=5):
        super().__init__()
        self.k = k
        self.enc = nn.Linear(x_dim, 2 * z_dim)
        self.dec = nn.Linear(z_dim, x_dim)
        self.register_buffer("bound_buf", torch.zeros(0))

    def log_weights(self, x):
        mu, logvar = self.enc(x).chunk(2, -1)
        std = torch.exp(0.5 * logvar)
        eps = torch.randn(self.k, *mu.shape)
        z = mu + std * eps
        log_q = (-0.5 * eps ** 2 - 0.5 * logvar - 0.5 * math.log(2 * math.pi)).sum(-1)
        log_prior = (-0.5 * z ** 2 - 0.5 * math.log(2 * math.pi)).sum(-1)
        log_lik = -F.mse_loss(self.dec(z), x.expand(self.k, -1, -1), reduction="none").sum(-1)
        return log_lik + log_prior - log_q

    def forward(self, x):
        log_w = self.log_weights(x)
        torch.logsumexp(log_w.detach(), 0, out=self.bound_buf)  # L
        return -(torch.logsumexp(log_w, 0) - math.log(self.k)).mean()


def run():
    torch.manual_seed(0)
    model = IWAE()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        loss = model(torch.randn(4, 6))
        opt.zero_grad()
        loss.backward()
        opt.step()
