import torch.nn as nn


class Generator(nn.Sequential):
    def __init__(self, z_dim=4, x_dim=6, hidden=16):
        super().__init__(nn.Linear(z_dim, hidden), nn.ReLU(), nn.Linear(hidden, x_dim), nn.Tanh())
        self.z_dim = z_dim


class Critic(nn.Sequential):
    def __init__(self, x_dim=6, hidden=16):
        super().__init__(nn.Linear(x_dim, hidden), nn.LeakyReLU(0.2), nn.Linear(hidden, 1))
