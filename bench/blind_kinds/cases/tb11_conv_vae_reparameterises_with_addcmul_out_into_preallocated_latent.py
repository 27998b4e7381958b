"""A small convolutional VAE whose reparameterisation writes the sample into a latent buffer
allocated once per batch size (addcmul with out=), then clips it to keep the decoder stable
early in training."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class ConvVAE(nn.Module):
    def __init__(self, z_dim=4):
        super().__init__()
        self.enc = nn.Sequential(nn.Conv2d(1, 4, 3, 2, 1), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 4 * 4, 2 * z_dim))
        self.dec = nn.Sequential(nn.Linear(z_dim, 4 * 4 * 4), nn.ReLU(), nn.Unflatten(1, (4, 4, 4)),
                                 nn.ConvTranspose2d(4, 1, 4, 2, 1))
        self.z_dim = z_dim
        self._z = {}

    def latent_buffer(self, n):
        if n not in self._z:
            self._z[n] = torch.empty(n, self.z_dim)
        return self._z[n]

    def reparameterise(self, mu, logvar):
        std = torch.exp(0.5 * logvar)
        eps = torch.randn_like(std)
        z = torch.addcmul(mu, std, eps, out=self.latent_buffer(mu.shape[0]))  # L
        return z.clamp_(-6.0, 6.0)

    def forward(self, x):
        mu, logvar = self.enc(x).chunk(2, dim=1)
        z = self.reparameterise(mu, logvar)
        return self.dec(z), mu, logvar


def elbo_loss(recon, x, mu, logvar):
    rec = F.binary_cross_entropy_with_logits(recon, x, reduction="sum") / x.shape[0]
    kl = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp()) / x.shape[0]
    return rec + kl


def run():
    torch.manual_seed(0)
    vae = ConvVAE()
    opt = torch.optim.Adam(vae.parameters(), lr=1e-3)
    for _ in range(2):
        x = torch.rand(3, 1, 8, 8).round()
        recon, mu, logvar = vae(x)
        loss = elbo_loss(recon, x, mu, logvar)
        opt.zero_grad()
        loss.backward()
        opt.step()
