import torch
import torch.nn as nn


class Generator(nn.Module):
    def __init__(self, z_dim=8, d_out=12, width=32):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(z_dim, width), nn.ReLU(), nn.Linear(width, d_out), nn.Tanh())
        self.z_dim = z_dim

    def sample_z(self, n):
        return torch.randn(n, self.z_dim)

    def forward(self, z):
        return self.net(z)


class Discriminator(nn.Module):
    def __init__(self, d_in=12, width=32):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(d_in, width), nn.LeakyReLU(0.2), nn.Linear(width, 1))

    def forward(self, x):
        return self.net(x).squeeze(-1)
