import torch.nn as nn

from .spectral import spectral_norm


class Discriminator(nn.Module):
    def __init__(self, ch=4):
        super().__init__()
        self.body = nn.Sequential(
            spectral_norm(nn.Conv2d(3, ch, 3, stride=2, padding=1)),
            nn.LeakyReLU(0.1),
            spectral_norm(nn.Conv2d(ch, ch, 3, stride=2, padding=1)),
            nn.LeakyReLU(0.1),
        )
        self.head = spectral_norm(nn.Linear(ch * 4, 1))

    def forward(self, x):
        return self.head(self.body(x).flatten(1))


class Generator(nn.Module):
    def __init__(self, z_dim=5, ch=4):
        super().__init__()
        self.fc = nn.Linear(z_dim, ch * 16)
        self.body = nn.Sequential(nn.ReLU(), nn.Upsample(scale_factor=2), nn.Conv2d(ch, 3, 3, padding=1), nn.Tanh())
        self.ch = ch

    def forward(self, z):
        return self.body(self.fc(z).view(-1, self.ch, 4, 4))
