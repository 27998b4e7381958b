"""GAN inversion by latent optimisation: find z so that a (pretrained, frozen) generator reproduces a
target batch, with Adam on z and a perceptual-ish feature loss. Since the generator was trained on
z ~ N(0, I), whose norm concentrates at sqrt(d), z is projected back to that sphere after every step
by a small helper."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class Generator(nn.Module):
    def __init__(self, d_z=8, d_x=16):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(d_z, 32), nn.ReLU(), nn.Linear(32, d_x), nn.Tanh())

    def forward(self, z):
        return self.net(z)


def to_sphere_(z):
    z.mul_(math.sqrt(z.shape[-1]) / z.norm(dim=-1, keepdim=True))  # L
    return z


def invert(gen, target, steps=3):
    z = torch.randn(target.shape[0], 8, requires_grad=True)
    opt = torch.optim.Adam([z], lr=0.1)
    features = nn.Linear(16, 8)
    for p in features.parameters():
        p.requires_grad_(False)
    for _ in range(steps):
        x = gen(z)
        loss = F.mse_loss(x, target) + 0.1 * F.mse_loss(features(x), features(target))
        opt.zero_grad()
        loss.backward()
        opt.step()
        to_sphere_(z)  # L
    return z.detach()


def run():
    torch.manual_seed(0)
    gen = Generator()
    gen.requires_grad_(False)
    target = torch.tanh(torch.randn(4, 16))
    invert(gen, target)
