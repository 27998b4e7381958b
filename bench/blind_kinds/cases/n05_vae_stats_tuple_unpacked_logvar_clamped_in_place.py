"""Gaussian VAE whose encoder emits a stacked (2, batch, latent) statistics tensor.

``mu, logvar = stats`` unpacks it by iterating over the first dimension, which is ``unbind``:
both names are views of a multi-output view, and clamping ``logvar`` in place is refused.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Encoder(nn.Module):
    def __init__(self, d_in=6, hidden=16, latent=3):
        super().__init__()
        self.latent = latent
        self.body = nn.Sequential(nn.Linear(d_in, hidden), nn.SiLU())
        self.stats = nn.Linear(hidden, 2 * latent)

    def forward(self, x):
        s = self.stats(self.body(x))
        return s.view(x.size(0), 2, self.latent).transpose(0, 1)


class VAE(nn.Module):
    def __init__(self, d_in=6, latent=3, logvar_range=(-6.0, 2.0)):
        super().__init__()
        self.encoder = Encoder(d_in, latent=latent)
        self.decoder = nn.Sequential(nn.Linear(latent, 16), nn.SiLU(), nn.Linear(16, d_in))
        self.logvar_range = logvar_range

    def encode(self, x):
        mu, logvar = self.encoder(x)
        logvar.clamp_(*self.logvar_range)  # L
        return mu, logvar

    def forward(self, x):
        mu, logvar = self.encode(x)  # L
        z = mu + torch.randn_like(mu) * torch.exp(0.5 * logvar)
        return self.decoder(z), mu, logvar


def elbo_loss(recon, x, mu, logvar, beta=0.5):
    rec = F.mse_loss(recon, x, reduction="sum") / x.size(0)
    kl = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp()) / x.size(0)
    return rec + beta * kl


def run():
    torch.manual_seed(0)
    vae = VAE()
    opt = torch.optim.Adam(vae.parameters(), lr=1e-3)
    for _ in range(2):
        x = torch.randn(5, 6)
        recon, mu, logvar = vae(x)
        loss = elbo_loss(recon, x, mu, logvar)
        opt.zero_grad()
        loss.backward()
        opt.step()
