import torch
import torch.nn as nn


class DeepSupervisedNet(nn.Module):
    """A stack of tanh blocks; every block's output is returned for auxiliary losses."""

    def __init__(self, d_in=6, width=10, depth=3, n_classes=4):
        super().__init__()
        self.blocks = nn.ModuleDict({f"block{i}": nn.Linear(d_in if i == 0 else width, width) for i in range(depth)})
        self.proj = nn.ModuleDict({f"block{i}": nn.Linear(width, width) for i in range(depth - 1)})
        self.head = nn.Linear(width, n_classes)

    def forward(self, x):
        feats = {}
        for name, block in self.blocks.items():
            x = torch.tanh(block(x))
            feats[name] = x
        return self.head(x), feats
