import torch.nn as nn


class EncoderLayer(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.ff = nn.Sequential(nn.Linear(dim, hidden), nn.ReLU(), nn.Linear(hidden, dim))
        self.norm = nn.LayerNorm(dim)

    def forward(self, x):
        return self.norm(x + self.ff(x))


class Encoder(nn.Module):
    def __init__(self, dim, hidden, depth):
        super().__init__()
        self.layers = nn.ModuleList(EncoderLayer(dim, hidden) for _ in range(depth))

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x
