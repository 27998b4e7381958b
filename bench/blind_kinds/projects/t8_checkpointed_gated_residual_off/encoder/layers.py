import torch
import torch.nn as nn


class TanhGatedMLP(nn.Module):
    """Bounded update tanh(W2 gelu(W1 norm(x))): each block moves the stream by less than 1."""

    def __init__(self, width):
        super().__init__()
        self.norm = nn.LayerNorm(width)
        self.fc1 = nn.Linear(width, 2 * width)
        self.fc2 = nn.Linear(2 * width, width)

    def forward(self, x):
        return torch.tanh(self.fc2(nn.functional.gelu(self.fc1(self.norm(x)))))
