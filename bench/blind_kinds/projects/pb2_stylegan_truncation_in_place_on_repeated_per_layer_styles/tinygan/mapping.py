"""StyleGAN's mapping network z -> w: pixel norm, then fully connected layers with leaky ReLU."""
import functools

import torch
import torch.nn as nn

ACTIVATIONS = {
    "lrelu": functools.partial(nn.LeakyReLU, 0.2, inplace=True),
    "relu": functools.partial(nn.ReLU, inplace=True),
}


class PixelNorm(nn.Module):
    def forward(self, z):
        return z * torch.rsqrt(z.pow(2).mean(1, keepdim=True) + 1e-8)


class MappingNetwork(nn.Module):
    def __init__(self, z_dim, w_dim, depth, act="lrelu"):
        super().__init__()
        layers = [PixelNorm()]
        for i in range(depth):
            layers += [nn.Linear(z_dim if i == 0 else w_dim, w_dim), ACTIVATIONS[act]()]
        self.net = nn.Sequential(*layers)

    def forward(self, z):
        return self.net(z)
