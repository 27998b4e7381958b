"""Reward fine-tuning of a tiny diffusion model by backpropagating through its DDIM sampler (DRaFT,
AlignProp). Each deterministic DDIM step x_prev = sqrt(a_prev) x0_hat + sqrt(1 - a_prev) eps_hat is
folded into one scale of x and one of eps_hat and applied to the latent in place."""
import math

import torch
import torch.nn as nn


def cosine_alphas_cumprod(n_steps, s=0.008):
    f = [math.cos((t / n_steps + s) / (1 + s) * math.pi / 2) ** 2 for t in range(n_steps + 1)]
    return [v / f[0] for v in f]


class Denoiser(nn.Module):
    def __init__(self, dim=6, hidden=16, n_steps=50):
        super().__init__()
        self.inp = nn.Linear(dim, hidden)
        self.time = nn.Embedding(n_steps + 1, hidden)
        self.out = nn.Sequential(nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(), nn.Linear(hidden, dim))

    def forward(self, x, t):
        return self.out(self.inp(x) + self.time(t))


class DDIMSampler:
    def __init__(self, n_train_steps=50, n_sample_steps=4):
        self.abar = cosine_alphas_cumprod(n_train_steps)
        stride = n_train_steps // n_sample_steps
        self.timesteps = list(range(n_train_steps - 1, 0, -stride))

    def coefficients(self, t, t_prev):
        a_t, a_prev = self.abar[t], self.abar[t_prev]
        c_x = math.sqrt(a_prev / a_t)
        c_eps = math.sqrt(1 - a_prev) - math.sqrt(a_prev * (1 - a_t) / a_t)
        return c_x, c_eps

    def sample(self, model, x):
        for i, t in enumerate(self.timesteps):
            t_prev = self.timesteps[i + 1] if i + 1 < len(self.timesteps) else 0
            eps_hat = model(x, torch.full((x.shape[0],), t, dtype=torch.long))
            c_x, c_eps = self.coefficients(t, t_prev)
            x.mul_(c_x).add_(eps_hat, alpha=c_eps)  # L
        return x


def reward(samples, target):
    return -(samples - target).pow(2).sum(-1).mean()


def run():
    torch.manual_seed(0)
    model = Denoiser()
    sampler = DDIMSampler()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    target = torch.linspace(-1, 1, 6)
    for _ in range(2):
        x = sampler.sample(model, torch.randn(4, 6))  # L
        loss = -reward(x, target)
        opt.zero_grad()
        loss.backward()
        opt.step()
