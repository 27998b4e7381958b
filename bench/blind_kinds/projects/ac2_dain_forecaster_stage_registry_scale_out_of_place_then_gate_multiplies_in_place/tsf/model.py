import torch.nn as nn

from .dain import DAIN


class Forecaster(nn.Module):
    def __init__(self, channels, hidden, horizon, stages):
        super().__init__()
        self.norm = DAIN(channels, stages)
        self.rnn = nn.GRU(channels, hidden, batch_first=True)
        self.head = nn.Linear(hidden, horizon)

    def forward(self, past):
        x = self.norm(past)  # L
        _, h = self.rnn(x.transpose(1, 2))
        return self.head(h[-1])


def build_forecaster(cfg):
    return Forecaster(cfg["channels"], cfg["hidden"], cfg["horizon"], cfg["stages"])
