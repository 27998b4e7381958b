import torch
import torch.nn as nn


class EpsVarNet(nn.Module):
    """Predicts the noise and, in the second half of its channels, the variance interpolation."""

    def __init__(self, channels=4, hidden=32):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(channels + 1, hidden), nn.SiLU(), nn.Linear(hidden, hidden),
                                 nn.SiLU(), nn.Linear(hidden, 2 * channels))

    def forward(self, x, t):
        return self.net(torch.cat([x, t[:, None].float() / 1000], dim=1))
