"""A VAE trained with GECO (Rezende & Viola 2018): minimise KL subject to a reconstruction
constraint, with a Lagrange multiplier kept as a buffer and updated multiplicatively from a moving
average of the constraint. The GECO module updates the multiplier through .data in its forward,
right after weighting the constraint with it."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class VAE(nn.Module):
    def __init__(self, d=8, z=2, hidden=16):
        super().__init__()
        self.enc = nn.Sequential(nn.Linear(d, hidden), nn.ReLU(), nn.Linear(hidden, 2 * z))
        self.dec = nn.Sequential(nn.Linear(z, hidden), nn.ReLU(), nn.Linear(hidden, d))

    def forward(self, x):
        mu, logvar = self.enc(x).chunk(2, dim=-1)
        z = mu + torch.randn_like(mu) * torch.exp(0.5 * logvar)
        kl = 0.5 * (mu.pow(2) + logvar.exp() - 1.0 - logvar).sum(-1).mean()
        recon_err = (self.dec(z) - x).pow(2).sum(-1).mean()
        return recon_err, kl


class GECO(nn.Module):
    def __init__(self, tol, alpha=0.9, speed=0.5):
        super().__init__()
        self.tol, self.alpha, self.speed = tol, alpha, speed
        self.register_buffer("lambd", torch.ones(()))
        self.register_buffer("c_ma", torch.zeros(()))

    def update_(self, constraint):
        self.c_ma.data.mul_(self.alpha).add_((1.0 - self.alpha) * constraint)  # L
        self.lambd.data.mul_(torch.exp(self.speed * self.c_ma))  # L

    def forward(self, recon_err, kl):
        constraint = recon_err - self.tol
        loss = kl + self.lambd * constraint
        if self.training:
            self.update_(constraint.detach())  # L
        return loss


def make():
    torch.manual_seed(0)
    return VAE(), GECO(tol=2.0)


def grads(vae, geco, x):
    vae.zero_grad()
    torch.manual_seed(3)
    geco(*vae(x)).backward()
    return [p.grad.clone() for p in vae.parameters()]


def run():
    vae, geco = make()
    opt = torch.optim.Adam(vae.parameters(), lr=1e-3)
    for _ in range(2):
        grads(vae, geco, torch.rand(16, 8))
        opt.step()


def silent_hazard():
    """The constraint's gradient must be weighted by the multiplier the loss was computed with."""
    x = torch.rand(16, 8)
    vae, geco = make()
    got = grads(vae, geco, x)
    ref_vae, ref_geco = make()
    ref_geco.eval()
    ref = grads(ref_vae, ref_geco, x)
    return any(not torch.allclose(a, b, atol=1e-6) for a, b in zip(got, ref))
