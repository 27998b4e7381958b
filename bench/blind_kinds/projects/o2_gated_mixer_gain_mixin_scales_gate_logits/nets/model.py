import torch
import torch.nn as nn

from .mixins import GainMixin


class GatedMixer(GainMixin, nn.Module):
    def __init__(self, d_in=6, hidden=12, d_out=2, gain=2.0):
        super().__init__()
        self.gain = gain
        self.gate = nn.Linear(d_in, hidden)
        self.value = nn.Linear(d_in, hidden)
        self.out = nn.Linear(hidden, d_out)

    def gates(self, x):
        logits = self.gate(x)
        return torch.sigmoid(self.apply_gain_(logits))  # L

    def forward(self, x):
        return self.out(self.gates(x) * self.value(x))
