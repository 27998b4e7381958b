import torch
import torch.nn as nn


class Block(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.norm1 = nn.LayerNorm(d)
        self.norm2 = nn.LayerNorm(d)
        self.fc1 = nn.Linear(d, 4 * d)
        self.fc2 = nn.Linear(4 * d, d)

    def forward(self, x):
        y = self.fc2(torch.relu(self.fc1(self.norm1(x))))
        y += x  # L
        z = self.fc2(torch.relu(self.fc1(self.norm2(y))))
        z += y  # L
        return z


def run():
    torch.manual_seed(0)
    blk = Block(8)
    out = blk(torch.randn(2, 5, 8, requires_grad=True))
    out.sum().backward()
