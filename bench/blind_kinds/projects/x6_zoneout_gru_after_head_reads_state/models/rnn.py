import functools

import torch
import torch.nn as nn

from layers import REGULARIZERS


class RegularizedGRU(nn.Module):
    """GRUCell language model with a per-step state regularizer picked by name."""

    def __init__(self, vocab, hidden, regularizer="zoneout", p=0.1):
        super().__init__()
        self.hidden = hidden
        self.embed = nn.Embedding(vocab, hidden)
        self.cell = nn.GRUCell(hidden, hidden)
        self.head = nn.Linear(hidden, vocab)
        self.reg = functools.partial(REGULARIZERS[regularizer], p=p)

    def forward(self, tokens):
        b, t = tokens.shape
        h = tokens.new_zeros(b, self.hidden, dtype=torch.float)
        logits = []
        for step in range(t):
            h_new = self.cell(self.embed(tokens[:, step]), h)
            logits.append(self.head(h_new))
            h = self.reg(h_new, h, training=self.training)  # L
        return torch.stack(logits, dim=1)
