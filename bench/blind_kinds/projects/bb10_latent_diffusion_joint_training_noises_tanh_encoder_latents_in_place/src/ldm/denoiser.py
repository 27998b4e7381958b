import torch
import torch.nn as nn


class Denoiser(nn.Module):
    """Predicts the noise of a latent at step t (t fed as a scaled scalar)."""

    def __init__(self, d_latent=4, width=32, steps=50):
        super().__init__()
        self.steps = steps
        self.net = nn.Sequential(nn.Linear(d_latent + 1, width), nn.SiLU(), nn.Linear(width, d_latent))

    def forward(self, zt, t):
        return self.net(torch.cat([zt, (t.float() / self.steps)[:, None]], dim=-1))
