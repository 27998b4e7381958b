import torch.nn as nn


class StreamLM(nn.Module):
    """One GRUCell step at a time, so that document boundaries inside a chunk can reset the state."""

    def __init__(self, vocab=17, d=8):
        super().__init__()
        self.hidden = d
        self.emb = nn.Embedding(vocab, d)
        self.cell = nn.GRUCell(d, d)
        self.head = nn.Linear(d, vocab)

    def step(self, tok, h):
        h = self.cell(self.emb(tok), h)
        return self.head(h), h
