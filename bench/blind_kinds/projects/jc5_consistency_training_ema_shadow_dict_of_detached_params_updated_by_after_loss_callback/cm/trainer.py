import math

import torch
import torch.nn as nn


def timestep_embedding(t, dim):
    half = dim // 2
    freqs = torch.exp(-math.log(10000.0) * torch.arange(half) / half)
    ang = t[:, None] * freqs[None]
    return torch.cat([ang.sin(), ang.cos()], dim=-1)


class Denoiser(nn.Module):
    def __init__(self, d=4, t_dim=8):
        super().__init__()
        self.t_dim = t_dim
        self.net = nn.Sequential(nn.Linear(d + t_dim, 32), nn.SiLU(), nn.Linear(32, d))

    def forward(self, x, sigma):
        # consistency-model parameterisation: f(x, sigma) = c_skip x + c_out F(x, sigma)
        c_skip = 0.25 / (sigma ** 2 + 0.25)
        c_out = sigma * 0.5 / (sigma ** 2 + 0.25).sqrt()
        h = self.net(torch.cat([x, timestep_embedding(sigma.log().squeeze(1), self.t_dim)], dim=1))
        return c_skip * x + c_out * h


class ConsistencyTrainer:
    def __init__(self, model, ema, callbacks, lr=1e-3, n_sigmas=10):
        self.model, self.ema, self.callbacks = model, ema, callbacks
        self.opt = torch.optim.Adam(model.parameters(), lr=lr)
        self.sigmas = torch.logspace(math.log10(0.002), math.log10(80.0), n_sigmas)

    def fire(self, event, *args):
        for cb in self.callbacks:
            getattr(cb, "on_" + event)(self, *args)

    def step(self, x0):
        n = torch.randint(0, len(self.sigmas) - 1, (x0.shape[0],))
        s_lo, s_hi = self.sigmas[n][:, None], self.sigmas[n + 1][:, None]
        z = torch.randn_like(x0)
        online = self.model(x0 + s_hi * z, s_hi)
        target = self.ema(self.model, x0 + s_lo * z, s_lo)
        loss = ((online - target) ** 2).mean()
        self.fire("after_loss", loss)  # L
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        self.fire("after_step")
        return loss.item()
