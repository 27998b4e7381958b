from dataclasses import dataclass

import torch.nn as nn
import torch.nn.functional as F

from .posterior import DiagonalGaussian


@dataclass
class VAEConfig:
    d_in: int = 10
    hidden: int = 32
    latent: int = 4
    std_fn: str = "exp"
    min_std: float = 0.05
    beta: float = 1.0


class VAE(nn.Module):
    def __init__(self, cfg: VAEConfig):
        super().__init__()
        self.cfg = cfg
        self.enc = nn.Sequential(nn.Linear(cfg.d_in, cfg.hidden), nn.SiLU(), nn.Linear(cfg.hidden, 2 * cfg.latent))
        self.dec = nn.Sequential(nn.Linear(cfg.latent, cfg.hidden), nn.SiLU(), nn.Linear(cfg.hidden, cfg.d_in))

    def posterior(self, x):
        mu, raw = self.enc(x).chunk(2, dim=-1)
        return DiagonalGaussian(mu, raw, self.cfg.std_fn, self.cfg.min_std)  # L

    def loss(self, x):
        q = self.posterior(x)  # L
        recon = self.dec(q.rsample())
        nll = F.mse_loss(recon, x, reduction="none").sum(-1)
        return (nll + self.cfg.beta * q.kl_to_standard_normal()).mean()
