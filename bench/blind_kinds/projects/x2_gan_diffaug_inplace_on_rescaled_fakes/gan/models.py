import torch.nn as nn


class Generator(nn.Module):
    """Images in [0, 1]: the tanh output is rescaled."""

    def __init__(self, z_dim=4, out_dim=6, hidden=8):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(z_dim, hidden), nn.ReLU(), nn.Linear(hidden, out_dim), nn.Tanh())

    def forward(self, z):
        return (self.net(z) + 1) / 2


class Discriminator(nn.Module):
    def __init__(self, in_dim=6, hidden=8):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(in_dim, hidden), nn.LeakyReLU(0.2), nn.Linear(hidden, 1))

    def forward(self, x):
        return self.net(x).squeeze(-1)
