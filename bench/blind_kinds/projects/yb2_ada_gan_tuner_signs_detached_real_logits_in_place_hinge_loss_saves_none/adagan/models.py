import torch.nn as nn


class Generator(nn.Module):
    def __init__(self, z_dim=8, ch=4, size=6):
        super().__init__()
        self.ch, self.size = ch, size
        self.fc = nn.Linear(z_dim, ch * size * size)
        self.conv = nn.Conv2d(ch, 3, 3, padding=1)

    def forward(self, z):
        h = self.fc(z).view(-1, self.ch, self.size, self.size)
        return self.conv(nn.functional.leaky_relu(h, 0.2)).tanh()


class Discriminator(nn.Module):
    def __init__(self, ch=8, size=6):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(3, ch, 3, padding=1), nn.LeakyReLU(0.2), nn.Flatten())
        self.head = nn.Linear(ch * size * size, 1)

    def forward(self, x):
        return self.head(self.body(x)).squeeze(1)
