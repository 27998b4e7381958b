import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class Encoder(nn.Module):
    def __init__(self, d_x, d_h, d_z):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(d_x, d_h), nn.Tanh())
        self.mu, self.logvar = nn.Linear(d_h, d_z), nn.Linear(d_h, d_z)

    def forward(self, x):
        h = self.body(x)
        return self.mu(h), self.logvar(h).clamp(-6.0, 4.0)


class VAE(nn.Module):
    def __init__(self, prior, d_x=16, d_h=24, d_z=3):
        super().__init__()
        self.encoder = Encoder(d_x, d_h, d_z)
        self.decoder = nn.Sequential(nn.Linear(d_z, d_h), nn.Tanh(), nn.Linear(d_h, d_x))
        self.prior = prior

    def neg_elbo(self, x):
        mu, logvar = self.encoder(x)
        z = mu + torch.randn_like(mu) * (0.5 * logvar).exp()
        log_q = -0.5 * (logvar + (z - mu).pow(2) / logvar.exp() + math.log(2 * math.pi)).sum(-1)
        log_p = self.prior.log_prob(z, self.encoder)  # L
        rec = F.binary_cross_entropy_with_logits(self.decoder(z), x, reduction="none").sum(-1)
        return (rec + log_q - log_p).mean()
