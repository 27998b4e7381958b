import torch.nn as nn
from torch.nn.utils.parametrizations import spectral_norm


class Generator(nn.Module):
    def __init__(self, z_dim=8, out_dim=2, width=32):
        super().__init__()
        self.z_dim = z_dim
        self.net = nn.Sequential(nn.Linear(z_dim, width), nn.LeakyReLU(0.2), nn.Linear(width, width),
                                 nn.LeakyReLU(0.2), nn.Linear(width, out_dim))

    def forward(self, z):
        return self.net(z)


class Discriminator(nn.Module):
    def __init__(self, in_dim=2, width=32):
        super().__init__()
        self.net = nn.Sequential(spectral_norm(nn.Linear(in_dim, width)), nn.LeakyReLU(0.2),
                                 spectral_norm(nn.Linear(width, width)), nn.LeakyReLU(0.2),
                                 spectral_norm(nn.Linear(width, 1)))

    def forward(self, x):
        return self.net(x).squeeze(-1)
