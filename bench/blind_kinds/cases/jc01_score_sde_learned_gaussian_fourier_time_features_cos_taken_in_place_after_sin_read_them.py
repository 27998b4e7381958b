"""Score-SDE style denoiser whose timestep features are a Gaussian Fourier projection with
trainable frequencies; the cosine half is taken in place on the projection the sine read."""
import math

import torch
import torch.nn as nn


class FourierTime(nn.Module):
    def __init__(self, dim, scale=4.0):
        super().__init__()
        self.W = nn.Parameter(torch.randn(dim // 2) * scale)  # learned frequencies

    def forward(self, t):
        proj = t[:, None] * self.W[None, :] * (2 * math.pi)
        s = torch.sin(proj)
        proj.cos_()  # L
        return torch.cat([s, proj], dim=-1)


class Denoiser(nn.Module):
    def __init__(self, d=6, dt=8):
        super().__init__()
        self.time = FourierTime(dt)
        self.net = nn.Sequential(nn.Linear(d + dt, 16), nn.SiLU(), nn.Linear(16, d))

    def forward(self, x, t):
        return self.net(torch.cat([x, self.time(t)], dim=-1))


def run():
    torch.manual_seed(0)
    model = Denoiser()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        x0 = torch.randn(5, 6)
        t = torch.rand(5) * 0.99 + 0.01
        sigma = (25.0 ** t)[:, None]
        noise = torch.randn_like(x0)
        score = model(x0 + sigma * noise, t)
        loss = ((score * sigma + noise) ** 2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
