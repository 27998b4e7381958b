import torch.nn as nn


class Generator(nn.Module):
    def __init__(self, latent, data, widths=(16, 16)):
        super().__init__()
        dims = (latent, *widths)
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(dims[:-1], dims[1:]))
        self.out = nn.Linear(dims[-1], data)
        self.latent = latent

    def forward(self, z):
        for layer in self.layers:
            z = nn.functional.leaky_relu(layer(z), 0.2)
        return self.out(z)


class Critic(nn.Module):
    def __init__(self, data, width=16):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(data, width), nn.LeakyReLU(0.2), nn.Linear(width, width), nn.LeakyReLU(0.2))
        self.score = nn.Linear(width, 1)

    def forward(self, x):
        return self.score(self.body(x))
