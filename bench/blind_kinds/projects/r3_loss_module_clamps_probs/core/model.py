import torch.nn as nn


class Tagger(nn.Module):
    def __init__(self, d, n):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(d, 16), nn.ReLU(), nn.Linear(16, n))

    def forward(self, x):
        return self.body(x)
