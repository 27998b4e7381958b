import torch
import torch.nn as nn

from .utils import append_dims


class EDMPrecond(nn.Module):
    """Karras et al. preconditioning; the raw network also predicts a per-sample log-variance
    (one extra output unit), as the EDM2 uncertainty-weighted loss needs."""

    def __init__(self, d=4, sigma_data=0.5, width=32):
        super().__init__()
        self.d, self.sigma_data = d, sigma_data
        self.net = nn.Sequential(nn.Linear(d + 1, width), nn.SiLU(), nn.Linear(width, d + 1))

    def forward(self, x, sigma):
        sd = self.sigma_data
        s = append_dims(sigma, x.dim())
        c_skip = sd ** 2 / (s ** 2 + sd ** 2)
        c_out = s * sd / (s ** 2 + sd ** 2).sqrt()
        c_in = 1 / (s ** 2 + sd ** 2).sqrt()
        c_noise = sigma.log() / 4
        raw = self.net(torch.cat([c_in * x, c_noise[:, None]], dim=1))
        f, logvar = raw.split([self.d, 1], dim=1)
        return c_skip * x + c_out * f, logvar
