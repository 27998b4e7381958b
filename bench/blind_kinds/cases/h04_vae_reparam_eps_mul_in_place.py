import torch
import torch.nn as nn
import torch.nn.functional as F


class VAE(nn.Module):
    def __init__(self, d_in=10, d_z=3):
        super().__init__()
        self.enc = nn.Linear(d_in, 2 * d_z)
        self.dec = nn.Linear(d_z, d_in)

    def reparameterize(self, mu, logvar):
        std = logvar.mul(0.5).exp_()  # L
        eps = torch.randn_like(std)
        return eps.mul_(std).add_(mu)  # L

    def forward(self, x):
        mu, logvar = self.enc(x).chunk(2, dim=-1)
        z = self.reparameterize(mu, logvar)
        return self.dec(z), mu, logvar


def run():
    torch.manual_seed(0)
    vae = VAE()
    opt = torch.optim.Adam(vae.parameters(), lr=1e-3)
    x = torch.rand(6, 10)
    recon, mu, logvar = vae(x)
    kld = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
    loss = F.binary_cross_entropy_with_logits(recon, x, reduction="sum") + kld
    opt.zero_grad()
    loss.backward()
    opt.step()
