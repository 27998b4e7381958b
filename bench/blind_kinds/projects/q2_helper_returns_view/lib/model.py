import torch
import torch.nn as nn

from .seq import last_step


class Pool(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.fc = nn.Linear(d, d)

    def forward(self, x):
        h = torch.exp(self.fc(x))
        last = last_step(h)
        last.zero_()  # L
        return h.mean(1)
