import torch
import torch.nn as nn
import torch.nn.functional as F


class Generator(nn.Module):
    def __init__(self, z_dim=8, out_dim=12, hidden=32):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(z_dim, hidden),
            nn.BatchNorm1d(hidden),
            nn.ReLU(),
            nn.Linear(hidden, out_dim),
            nn.Tanh(),
        )

    def forward(self, z):
        return self.net(z)


class Critic(nn.Module):
    def __init__(self, in_dim=12, hidden=32):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(in_dim, hidden), nn.LeakyReLU(0.2), nn.Linear(hidden, 1))

    def forward(self, x):
        return self.net(x)


class GANTrainer:
    def __init__(self, G, D, z_dim=8, lr=2e-4, pixel_range=(-0.95, 0.95)):
        self.G, self.D, self.z_dim = G, D, z_dim
        self.opt_g = torch.optim.Adam(G.parameters(), lr, betas=(0.5, 0.999))
        self.opt_d = torch.optim.Adam(D.parameters(), lr, betas=(0.5, 0.999))
        self.lo, self.hi = pixel_range

    def sample(self, n):
        fake = self.G(torch.randn(n, self.z_dim))
        # keep samples strictly inside the data range seen by the critic
        fake.clamp_(self.lo, self.hi)  # L
        return fake

    def d_step(self, real):
        fake = self.sample(real.size(0)).detach()
        loss = F.softplus(self.D(fake)).mean() + F.softplus(-self.D(real)).mean()
        self.opt_d.zero_grad()
        loss.backward()
        self.opt_d.step()
        return loss.item()

    def g_step(self, n):
        loss = F.softplus(-self.D(self.sample(n))).mean()
        self.opt_g.zero_grad()
        loss.backward()
        self.opt_g.step()
        return loss.item()


def run():
    torch.manual_seed(0)
    trainer = GANTrainer(Generator(), Critic())
    real = torch.rand(6, 12) * 2 - 1
    trainer.d_step(real)
    trainer.g_step(6)
