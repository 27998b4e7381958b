import torch
import torch.nn as nn

from .ops import WRITE_BACK
from .router import TopKRouter


class MLPBlock(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.norm = nn.LayerNorm(dim)
        self.fc1 = nn.Linear(dim, hidden)
        self.fc2 = nn.Linear(hidden, dim)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(self.norm(x))))


class MoDBlock(nn.Module):
    def __init__(self, dim, hidden, capacity=0.5, write_back="functional"):
        super().__init__()
        self.router = TopKRouter(dim, capacity)
        self.block = MLPBlock(dim, hidden)
        self.write_back = WRITE_BACK[write_back]

    def forward(self, x):
        weights, index = self.router(x)
        rows = torch.arange(x.shape[0]).unsqueeze(1)
        picked = x[rows, index]
        updated = picked + weights.unsqueeze(-1) * self.block(picked)
        return self.write_back(x, (rows, index), updated)  # L
