import torch
import torch.nn as nn

from layers import get_act


class Gated(nn.Module):
    def __init__(self, act="gelu"):
        super().__init__()
        self.fc = nn.Linear(4, 4)
        self.act = get_act(act)

    def forward(self, x):
        g = torch.sigmoid(self.fc(x))
        return self.act(g)  # L
