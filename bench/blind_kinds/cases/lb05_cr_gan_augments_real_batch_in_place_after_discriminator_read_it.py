"""Consistency regularisation for a GAN discriminator (bCR, Zhang et al. 2020): the
discriminator's output on a real batch and on an augmented copy of it should agree. The
augmentation helper flips and shifts brightness in place ("augment_ works on the batch it is
given"), and the discriminator step applies it to the real batch after scoring it."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def augment_(x, gen):
    flip = torch.rand(x.shape[0], generator=gen) < 0.5
    x[flip] = x[flip].flip(-1)  # L
    x.add_(torch.rand(x.shape[0], 1, 1, 1, generator=gen) - 0.5)  # L
    return x


class Generator(nn.Module):
    def __init__(self, z_dim=4):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(z_dim, 32), nn.ReLU(), nn.Linear(32, 64), nn.Tanh())

    def forward(self, z):
        return self.net(z).view(-1, 1, 8, 8)


class Discriminator(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, 4, 3, stride=2, padding=1), nn.LeakyReLU(0.2))
        self.head = nn.Linear(4 * 4 * 4, 1)

    def forward(self, x):
        return self.head(self.features(x).flatten(1))


def d_step(G, D, d_opt, real, gen, cr_weight=10.0):
    fake = G(torch.randn(real.shape[0], 4)).detach()
    d_real, d_fake = D(real), D(fake)
    d_aug = D(augment_(real, gen))  # L
    loss = F.relu(1 - d_real).mean() + F.relu(1 + d_fake).mean()
    loss = loss + cr_weight * (d_real - d_aug).pow(2).mean()
    d_opt.zero_grad()
    loss.backward()
    d_opt.step()


def g_step(G, D, g_opt, batch):
    loss = -D(G(torch.randn(batch, 4))).mean()
    g_opt.zero_grad()
    loss.backward()
    g_opt.step()


def run():
    torch.manual_seed(0)
    gen = torch.Generator().manual_seed(1)
    G, D = Generator(), Discriminator()
    g_opt = torch.optim.Adam(G.parameters(), lr=2e-4, betas=(0.0, 0.9))
    d_opt = torch.optim.Adam(D.parameters(), lr=2e-4, betas=(0.0, 0.9))
    for _ in range(2):
        real = torch.rand(6, 1, 8, 8) * 2 - 1
        d_step(G, D, d_opt, real, gen)
        g_step(G, D, g_opt, 6)
