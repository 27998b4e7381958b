import torch.nn as nn


class TiedLM(nn.Module):
    """A one-layer GRU language model whose output projection is the input embedding (tied)."""

    def __init__(self, vocab, dim):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.rnn = nn.GRU(dim, dim, batch_first=True)
        self.norm = nn.LayerNorm(dim)

    def forward(self, tokens):
        h, _ = self.rnn(self.embed(tokens))
        return self.norm(h) @ self.embed.weight.t()
