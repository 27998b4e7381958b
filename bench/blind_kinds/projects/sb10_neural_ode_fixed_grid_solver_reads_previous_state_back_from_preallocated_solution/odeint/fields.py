import torch.nn as nn


class ODEFunc(nn.Module):
    """dy/dt = f(y), an MLP vector field (autonomous)."""

    def __init__(self, dim=2, hidden=16):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(dim, hidden), nn.Tanh(), nn.Linear(hidden, dim))
        self.nfe = 0

    def forward(self, t, y):
        self.nfe += 1
        return self.net(y)
