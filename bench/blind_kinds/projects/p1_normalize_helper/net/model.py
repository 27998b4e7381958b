import torch
import torch.nn as nn

from .utils import center_


class Encoder(nn.Module):
    def __init__(self, d_in, d_hid):
        super().__init__()
        self.fc = nn.Linear(d_in, d_hid)
        self.out = nn.Linear(d_hid, 1)

    def forward(self, x):
        h = torch.tanh(self.fc(x))
        h = center_(h)  # L
        return self.out(h)
