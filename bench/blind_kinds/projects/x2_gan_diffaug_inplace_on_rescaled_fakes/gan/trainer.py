from dataclasses import dataclass

import torch
import torch.nn.functional as F

from aug import *  # noqa: F401,F403


@dataclass
class GANConfig:
    z_dim: int = 4
    lr: float = 2e-4
    policy: str = "color"


class GANTrainer:
    def __init__(self, G, D, cfg: GANConfig):
        self.G, self.D, self.cfg = G, D, cfg
        self.opt_g = torch.optim.Adam(G.parameters(), lr=cfg.lr, betas=(0.5, 0.999))
        self.opt_d = torch.optim.Adam(D.parameters(), lr=cfg.lr, betas=(0.5, 0.999))

    def d_step(self, real):
        z = torch.randn(real.size(0), self.cfg.z_dim)
        fake = self.G(z).detach()
        d_real = self.D(DiffAugment(real.clone(), self.cfg.policy))
        d_fake = self.D(DiffAugment(fake, self.cfg.policy))
        loss = F.relu(1 - d_real).mean() + F.relu(1 + d_fake).mean()
        self.opt_d.zero_grad()
        loss.backward()
        self.opt_d.step()
        return loss.item()

    def g_step(self, batch_size):
        z = torch.randn(batch_size, self.cfg.z_dim)
        fake = self.G(z)
        loss = -self.D(DiffAugment(fake, self.cfg.policy)).mean()  # L
        self.opt_g.zero_grad()
        loss.backward()
        self.opt_g.step()
        return loss.item()

    def step(self, real):
        return self.d_step(real), self.g_step(real.size(0))  # L
