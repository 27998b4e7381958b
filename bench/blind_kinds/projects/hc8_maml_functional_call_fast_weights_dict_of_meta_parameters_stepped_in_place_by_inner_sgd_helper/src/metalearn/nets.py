import torch.nn as nn
from torch.func import functional_call


class SineRegressor(nn.Module):
    def __init__(self, hidden=40):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(1, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                    nn.Linear(hidden, 1))

    def forward(self, x):
        return self.layers(x)

    def functional(self, weights, x):
        """The same network run on an explicit dict of (fast) weights."""
        return functional_call(self, weights, (x,))
