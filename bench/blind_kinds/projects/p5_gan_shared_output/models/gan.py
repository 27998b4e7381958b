import torch
import torch.nn as nn


class Generator(nn.Module):
    def __init__(self, z_dim=4, out=6):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(z_dim, 16), nn.ReLU(), nn.Linear(16, out), nn.Tanh())

    def forward(self, z):
        return self.body(z)


class Discriminator(nn.Module):
    def __init__(self, d=6):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(d, 16), nn.LeakyReLU(0.2), nn.Linear(16, 1))

    def forward(self, x):
        return self.body(x)
