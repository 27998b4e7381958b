import torch.nn as nn


class Embedding(nn.Module):
    """The few-shot backbone: a small MLP standing in for the usual Conv-4."""

    def __init__(self, d_in=6, hidden=16, dim=5):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(d_in, hidden), nn.BatchNorm1d(hidden), nn.ReLU(), nn.Linear(hidden, dim))

    def forward(self, x):
        return self.net(x)
