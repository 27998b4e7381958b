import torch
import torch.nn as nn


class TwoHeads(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 6)

    def forward(self, x):
        y = self.fc(x)
        a, b = y.narrow(-1, 0, 3), y.narrow(-1, 3, 3)
        a += 1.0  # L
        return a * b


def run():
    torch.manual_seed(0)
    TwoHeads()(torch.randn(2, 4)).sum().backward()
