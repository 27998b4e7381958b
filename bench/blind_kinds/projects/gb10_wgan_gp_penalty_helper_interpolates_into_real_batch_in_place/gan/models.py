import torch.nn as nn


class Generator(nn.Module):
    def __init__(self, z_dim, data_dim, hidden):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(z_dim, hidden), nn.ReLU(), nn.Linear(hidden, hidden),
                                 nn.ReLU(), nn.Linear(hidden, data_dim))

    def forward(self, z):
        return self.net(z)


class Critic(nn.Module):
    def __init__(self, data_dim, hidden):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(data_dim, hidden), nn.LeakyReLU(0.2),
                                 nn.Linear(hidden, hidden), nn.LeakyReLU(0.2), nn.Linear(hidden, 1))

    def forward(self, x):
        return self.net(x).squeeze(-1)
