import torch.nn as nn

from .blocks import ResidualMLP


class TokenMLP(nn.Module):
    def __init__(self, d_in=6, dim=16, depth=2, n_classes=3):
        super().__init__()
        self.stem = nn.Linear(d_in, dim)
        self.blocks = nn.ModuleList([ResidualMLP(dim) for _ in range(depth)])
        self.head = nn.Linear(dim, n_classes)

    def forward(self, tokens):
        x = self.stem(tokens).float()  # residual stream in fp32
        for block in self.blocks:
            x = block(x)  # L
        return self.head(x.mean(1))
