import torch.nn as nn


class Embedder(nn.Module):
    def __init__(self, d_in=10, hidden=32, dim=8):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(d_in, hidden), nn.BatchNorm1d(hidden), nn.ReLU(), nn.Linear(hidden, dim))

    def forward(self, x):
        return self.net(x)
