import torch
import torch.nn as nn
import torch.nn.functional as F


class BagLM(nn.Module):
    """Predicts the next token from the mean of the context embeddings."""

    def __init__(self, vocab_size, dim=8, hidden=16, tie_weights=False):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, dim)
        self.mix = nn.Sequential(nn.Linear(dim, hidden), nn.GELU(), nn.Linear(hidden, dim))
        self.tie_weights = tie_weights
        if not tie_weights:
            self.decoder = nn.Linear(dim, vocab_size, bias=False)

    def output_embedding(self):
        return self.embed.weight if self.tie_weights else self.decoder.weight

    def forward(self, ctx):
        h = torch.tanh(self.mix(self.embed(ctx).mean(dim=1)))
        return F.linear(h, self.output_embedding())
