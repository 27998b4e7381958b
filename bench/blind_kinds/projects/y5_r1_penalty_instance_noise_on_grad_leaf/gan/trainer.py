from dataclasses import dataclass

import torch
import torch.nn.functional as F

from . import augment
from .penalty import r1_penalty


@dataclass
class TrainConfig:
    r1_gamma: float = 10.0
    noise_start: float = 0.1
    noise_anneal: int = 100
    lr: float = 2e-4


class requires_grad:
    """Turns a module's parameters' requires_grad off (or on) inside the block."""

    def __init__(self, module, flag):
        self.params, self.flag = list(module.parameters()), flag

    def __enter__(self):
        for p in self.params:
            p.requires_grad_(self.flag)

    def __exit__(self, *exc):
        for p in self.params:
            p.requires_grad_(not self.flag)


class R1Trainer:
    def __init__(self, G, D, cfg: TrainConfig):
        self.G, self.D, self.cfg = G, D, cfg
        self.opt_g = torch.optim.Adam(G.parameters(), lr=cfg.lr, betas=(0.0, 0.99))
        self.opt_d = torch.optim.Adam(D.parameters(), lr=cfg.lr, betas=(0.0, 0.99))
        self.step = 0

    @property
    def sigma(self) -> float:
        return self.cfg.noise_start * max(0.0, 1.0 - self.step / self.cfg.noise_anneal)

    def prepare_real(self, real):
        real = real.detach().requires_grad_(self.cfg.r1_gamma > 0)
        return augment.instance_noise_(real, self.sigma)  # L

    def d_step(self, real):
        real = self.prepare_real(real)
        z = torch.randn(real.shape[0], self.G.z_dim)
        with torch.no_grad():
            fake = self.G(z)
        d_real, d_fake = self.D(real), self.D(augment.instance_noise_(fake, self.sigma))
        loss = F.softplus(-d_real).mean() + F.softplus(d_fake).mean()
        if self.cfg.r1_gamma > 0:
            loss = loss + 0.5 * self.cfg.r1_gamma * r1_penalty(d_real, real)
        self.opt_d.zero_grad()
        loss.backward()
        self.opt_d.step()
        return loss.item()

    def g_step(self, batch_size):
        with requires_grad(self.D, False):
            fake = self.G(torch.randn(batch_size, self.G.z_dim))
            loss = F.softplus(-self.D(fake)).mean()
            self.opt_g.zero_grad()
            loss.backward()
            self.opt_g.step()
        return loss.item()

    def train_step(self, real):
        try:
            return self.d_step(real), self.g_step(real.shape[0])
        finally:
            self.step += 1
