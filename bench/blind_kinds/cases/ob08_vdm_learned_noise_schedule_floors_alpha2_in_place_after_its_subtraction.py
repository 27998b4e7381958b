"""A variational-diffusion-style model with a learned monotone noise schedule gamma(t):
sigma^2 = sigmoid(gamma), alpha^2 = 1 - sigma^2. For numerical safety the signal variance alpha^2
(the one that vanishes at t = 1) is floored in place right after the subtraction that made it, then
the noisy input and an SNR-weighted loss are formed."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class MonotoneGamma(nn.Module):
    """gamma(t) = g0 + (g1 - g0) * t with g1 > g0 kept by a softplus gap."""

    def __init__(self):
        super().__init__()
        self.g0 = nn.Parameter(torch.tensor(-6.0))
        self.gap = nn.Parameter(torch.tensor(2.5))

    def forward(self, t):
        return self.g0 + F.softplus(self.gap) * 4.0 * t


def schedule(gamma_t, floor=1e-4):
    sigma2 = torch.sigmoid(gamma_t)
    alpha2 = 1.0 - sigma2
    alpha2.clamp_(min=floor)  # L
    return alpha2, sigma2


class Denoiser(nn.Module):
    def __init__(self, dim=4):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(dim + 1, 32), nn.SiLU(), nn.Linear(32, dim))

    def forward(self, z, gamma_t):
        return self.net(torch.cat([z, gamma_t[:, None]], -1))


def run():
    torch.manual_seed(0)
    gamma, model = MonotoneGamma(), Denoiser()
    opt = torch.optim.Adam(list(gamma.parameters()) + list(model.parameters()), lr=1e-3)
    for _ in range(2):
        x = torch.randn(8, 4)
        t = torch.rand(8)
        gamma_t = gamma(t)
        alpha2, sigma2 = schedule(gamma_t)  # L
        eps = torch.randn_like(x)
        z = alpha2.sqrt()[:, None] * x + sigma2.sqrt()[:, None] * eps
        weight = (alpha2 / sigma2).clamp(max=5.0)
        loss = (weight[:, None] * (model(z, gamma_t) - eps).pow(2)).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
