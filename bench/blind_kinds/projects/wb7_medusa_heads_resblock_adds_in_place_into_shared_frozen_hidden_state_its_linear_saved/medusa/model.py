import torch
import torch.nn as nn

from .heads import build_heads


class BaseLM(nn.Module):
    def __init__(self, vocab, d):
        super().__init__()
        self.embed = nn.Embedding(vocab, d)
        self.rnn = nn.GRU(d, d, batch_first=True)
        self.norm = nn.LayerNorm(d)
        self.lm_head = nn.Linear(d, vocab, bias=False)

    def hidden(self, ids):
        return self.norm(self.rnn(self.embed(ids))[0])


class MedusaLM(nn.Module):
    """Medusa-1: a frozen base LM and extra heads predicting tokens t+2, t+3, ... from its last hidden state."""

    def __init__(self, vocab, d, num_heads):
        super().__init__()
        self.base = BaseLM(vocab, d)
        self.base.requires_grad_(False)
        self.heads = build_heads(d, vocab, num_heads)

    def forward(self, ids):
        with torch.no_grad():
            h = self.base.hidden(ids)
        return [head(h) for head in self.heads]  # L
