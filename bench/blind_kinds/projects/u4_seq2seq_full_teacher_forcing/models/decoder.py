import random

import torch
import torch.nn as nn


class GRUDecoder(nn.Module):
    """Step-by-step decoder; with probability 1 - teacher_forcing_ratio the next input is the
    model's own prediction, written over the gold token's embedding."""

    def __init__(self, vocab, d_emb, d_hid):
        super().__init__()
        self.embed = nn.Embedding(vocab, d_emb)
        self.cell = nn.GRUCell(d_emb, d_hid)
        self.out = nn.Linear(d_hid, vocab)

    def forward(self, h, tgt_in, teacher_forcing_ratio=1.0):
        inputs = self.embed(tgt_in)
        steps = tgt_in.shape[1]
        logits = []
        for t in range(steps):
            h = self.cell(inputs[:, t], h)
            step_logits = self.out(h)
            logits.append(step_logits)
            if t + 1 < steps and random.random() >= teacher_forcing_ratio:
                inputs[:, t + 1] = self.embed(step_logits.argmax(-1))  # L
        return torch.stack(logits, dim=1)
