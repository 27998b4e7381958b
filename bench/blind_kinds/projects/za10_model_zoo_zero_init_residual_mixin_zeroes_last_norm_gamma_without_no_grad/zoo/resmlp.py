import torch.nn as nn

from .mixins import ZeroInitMixin
from .registry import register_model


class ResidualBlock(ZeroInitMixin, nn.Module):
    last_norm = "bn2"

    def __init__(self, dim, hidden):
        super().__init__()
        self.fc1 = nn.Linear(dim, hidden)
        self.bn1 = nn.BatchNorm1d(hidden)
        self.fc2 = nn.Linear(hidden, dim)
        self.bn2 = nn.BatchNorm1d(dim)

    def forward(self, x):
        h = self.bn2(self.fc2(self.bn1(self.fc1(x)).relu()))
        return (x + h).relu()


@register_model("resmlp")
class ResMLP(nn.Module):
    def __init__(self, d_in=6, dim=16, hidden=32, depth=2, n_classes=3):
        super().__init__()
        self.stem = nn.Linear(d_in, dim)
        self.blocks = nn.Sequential(*[ResidualBlock(dim, hidden) for _ in range(depth)])
        self.head = nn.Linear(dim, n_classes)

    def forward(self, x):
        return self.head(self.blocks(self.stem(x)))
