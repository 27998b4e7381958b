from dataclasses import dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass
class GANConfig:
    z_dim: int = 4
    x_dim: int = 6
    hidden: int = 16
    lr: float = 2e-4
    steps: int = 2


class frozen:
    """Context manager: the critic's parameters stop requiring grad inside the block."""

    def __init__(self, module: nn.Module):
        self.module = module
        self.saved = []

    def __enter__(self):
        self.saved = [p.requires_grad for p in self.module.parameters()]
        for p in self.module.parameters():
            p.requires_grad_(False)
        return self.module

    def __exit__(self, *exc):
        for p, flag in zip(self.module.parameters(), self.saved):
            p.requires_grad_(flag)
        return False


def mlp(d_in, d_out, hidden):
    return nn.Sequential(nn.Linear(d_in, hidden), nn.LeakyReLU(0.2), nn.Linear(hidden, d_out))


class HingeGAN:
    def __init__(self, cfg: GANConfig):
        self.cfg = cfg
        self.G = nn.Sequential(mlp(cfg.z_dim, cfg.x_dim, cfg.hidden), nn.Tanh())
        self.D = mlp(cfg.x_dim, 1, cfg.hidden)
        self.opt_g = torch.optim.Adam(self.G.parameters(), lr=cfg.lr, betas=(0.0, 0.9))
        self.opt_d = torch.optim.Adam(self.D.parameters(), lr=cfg.lr, betas=(0.0, 0.9))

    def critic_step(self, real, fake):
        d_loss = F.relu(1.0 - self.D(real)).mean() + F.relu(1.0 + self.D(fake.detach())).mean()
        self.opt_d.zero_grad()
        d_loss.backward()
        self.opt_d.step()  # L
        return d_loss.item()

    def step(self, real):
        z = torch.randn(real.shape[0], self.cfg.z_dim)
        fake = self.G(z)
        with frozen(self.D) as critic:
            g_loss = -critic(fake).mean()
        # the critic is updated on the same fakes before the generator's gradient is taken
        d_val = self.critic_step(real, fake)  # L
        self.opt_g.zero_grad()
        g_loss.backward()
        self.opt_g.step()
        return d_val, g_loss.item()


def run():
    torch.manual_seed(0)
    cfg = GANConfig()
    gan = HingeGAN(cfg)
    real = torch.rand(8, cfg.x_dim) * 2 - 1
    for _ in range(cfg.steps):
        gan.step(real)
