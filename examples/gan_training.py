"""A small GAN training loop with two classic in-place mistakes."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Generator(nn.Module):
    def __init__(self, nz=16, out=32):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(nz, 64), nn.ReLU(inplace=True), nn.Linear(64, out), nn.Tanh())

    def forward(self, z):
        return self.net(z)


class Discriminator(nn.Module):
    def __init__(self, n=32):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n, 64), nn.LeakyReLU(0.2, inplace=True), nn.Linear(64, 1))

    def forward(self, x):
        return self.net(x)


def to_preview(images):
    grid = images.detach().cpu()
    grid.mul_(0.5).add_(0.5)          # shares Tanh's saved output: breaks G's backward
    return grid


def train(steps=2):
    G, D = Generator(), Discriminator()
    opt_g = torch.optim.Adam(G.parameters(), lr=2e-4)
    opt_d = torch.optim.Adam(D.parameters(), lr=2e-4)
    for _ in range(steps):
        real = torch.rand(8, 32) * 2 - 1
        fake = G(torch.randn(8, 16))
        d_fake = D(fake)
        loss_d = F.softplus(d_fake).mean() + F.softplus(-D(real)).mean()
        opt_d.zero_grad()
        loss_d.backward(retain_graph=True)
        opt_d.step()                   # updates D's weights that d_fake's graph still needs
        preview = to_preview(fake)
        loss_g = F.softplus(-d_fake).mean()
        opt_g.zero_grad()
        loss_g.backward()
        opt_g.step()
    return preview


def clip_critic(critic):
    # Safe: weight clipping through .data after the optimizer step.
    for p in critic.parameters():
        p.data.clamp_(-0.01, 0.01)
