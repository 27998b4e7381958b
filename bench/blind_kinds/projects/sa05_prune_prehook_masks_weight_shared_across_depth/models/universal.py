"""A depth-recurrent MLP: one block applied ``depth`` times (Universal Transformer style)."""
import torch.nn as nn


class SharedBlock(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.fc1 = nn.Linear(dim, hidden)
        self.act = nn.GELU()
        self.fc2 = nn.Linear(hidden, dim)
        self.norm = nn.LayerNorm(dim)

    def forward(self, x):
        return self.norm(x + self.fc2(self.act(self.fc1(x))))


class UniversalMLP(nn.Module):
    def __init__(self, d_in=6, dim=8, hidden=16, depth=3, n_classes=3):
        super().__init__()
        self.depth = depth
        self.embed = nn.Linear(d_in, dim)
        self.block = SharedBlock(dim, hidden)
        self.head = nn.Linear(dim, n_classes)

    def forward(self, x):
        h = self.embed(x)
        for _ in range(self.depth):
            h = self.block(h)  # L
        return self.head(h)
