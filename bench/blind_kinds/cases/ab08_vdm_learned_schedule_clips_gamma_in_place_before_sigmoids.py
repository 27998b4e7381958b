"""Variational diffusion model (Kingma et al., 2021) with a learned linear noise schedule
gamma(t) = g0 + (g1 - g0) t.  alpha^2 = sigmoid(-gamma) and sigma^2 = sigmoid(gamma); gamma(t) is
clipped in place to a safe range before the sigmoids so that sqrt and the SNR stay finite."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class LinearSchedule(nn.Module):
    def __init__(self, gamma_min=-6.0, gamma_max=8.0):
        super().__init__()
        self.g0 = nn.Parameter(torch.tensor(gamma_min))
        self.g1 = nn.Parameter(torch.tensor(gamma_max))

    def forward(self, t):
        return self.g0 + (self.g1 - self.g0) * t

    def slope(self):
        return self.g1 - self.g0


class Denoiser(nn.Module):
    def __init__(self, dim=6, hidden=32):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(dim + 1, hidden), nn.SiLU(), nn.Linear(hidden, dim))

    def forward(self, z, gamma_t):
        return self.net(torch.cat([z, gamma_t[:, None] / 10.0], dim=-1))


class VDM(nn.Module):
    def __init__(self, dim=6, gamma_range=(-9.0, 9.0)):
        super().__init__()
        self.schedule = LinearSchedule()
        self.denoiser = Denoiser(dim)
        self.gamma_range = gamma_range

    def diffusion_loss(self, x):
        t = torch.rand(x.shape[0])
        gamma_t = self.schedule(t)
        gamma_t.clamp_(*self.gamma_range)  # L
        alpha2, sigma2 = torch.sigmoid(-gamma_t), torch.sigmoid(gamma_t)
        eps = torch.randn_like(x)
        z = alpha2.sqrt()[:, None] * x + sigma2.sqrt()[:, None] * eps
        eps_hat = self.denoiser(z, gamma_t)
        # continuous-time loss: 0.5 * gamma'(t) * ||eps - eps_hat||^2
        return (0.5 * self.schedule.slope() * (eps - eps_hat).pow(2).sum(-1)).mean()


def run():
    torch.manual_seed(0)
    model = VDM()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        x = torch.randn(8, 6)
        loss = model.diffusion_loss(x)
        opt.zero_grad()
        loss.backward()
        opt.step()
