from dataclasses import dataclass

import torch
import torch.nn as nn

from .heads import ReadHead, WriteHead
from .memory import NTMMemory


@dataclass
class NTMConfig:
    inputs: int = 5
    outputs: int = 4
    hidden: int = 12
    slots: int = 6
    width: int = 4


class NTM(nn.Module):
    """An LSTM controller with one read head and one write head; state carried across steps."""

    def __init__(self, cfg: NTMConfig):
        super().__init__()
        self.cfg = cfg
        self.controller = nn.LSTMCell(cfg.inputs + cfg.width, cfg.hidden)
        self.memory = NTMMemory(cfg.slots, cfg.width)
        self.heads = nn.ModuleList([ReadHead(cfg.hidden, cfg.width), WriteHead(cfg.hidden, cfg.width)])
        self.out = nn.Linear(cfg.hidden + cfg.width, cfg.outputs)

    def init_sequence(self, batch):
        self.memory.reset(batch)
        zeros = torch.zeros(batch, self.cfg.hidden)
        self.state = (zeros, zeros.clone())
        self.prev_read = torch.zeros(batch, self.cfg.width)

    def forward(self, x):
        h, c = self.controller(torch.cat([x, self.prev_read], dim=1), self.state)
        self.state = (h, c)
        for head in self.heads:
            if isinstance(head, ReadHead):
                self.prev_read = head(h, self.memory)
            else:
                head(h, self.memory)  # L
        return self.out(torch.cat([h, self.prev_read], dim=1))
