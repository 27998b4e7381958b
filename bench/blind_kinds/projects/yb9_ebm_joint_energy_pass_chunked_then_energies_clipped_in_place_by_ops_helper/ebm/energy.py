import torch
import torch.nn as nn


class EnergyNet(nn.Module):
    def __init__(self, dim=2, hidden=32):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(dim, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 1))

    def forward(self, x):
        return self.net(x).squeeze(-1)

    def joint(self, x_pos, x_neg):
        """One pass over the positive and negative batches (one set of batch statistics, one call)."""
        return self(torch.cat([x_pos, x_neg])).chunk(2)
