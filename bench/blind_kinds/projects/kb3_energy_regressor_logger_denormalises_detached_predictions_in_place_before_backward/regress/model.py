import torch.nn as nn


class EnergyMLP(nn.Module):
    """Predicts a building's energy use from sensor features (targets standardised)."""

    def __init__(self, d_in=6, hidden=16):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(d_in, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 1))

    def forward(self, x):
        return self.net(x)
