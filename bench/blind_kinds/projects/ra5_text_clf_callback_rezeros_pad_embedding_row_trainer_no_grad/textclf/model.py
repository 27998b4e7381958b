import torch
import torch.nn as nn


class BagClassifier(nn.Module):
    """Mean-of-embeddings classifier; row `pad_idx` of the table must stay zero."""

    def __init__(self, vocab, dim, n_classes, pad_idx=0):
        super().__init__()
        self.pad_idx = pad_idx
        self.embed = nn.Embedding(vocab, dim)
        self.fc = nn.Sequential(nn.Linear(dim, dim), nn.GELU(), nn.Linear(dim, n_classes))
        with torch.no_grad():
            self.zero_pad_()

    def zero_pad_(self):
        self.embed.weight[self.pad_idx].zero_()  # L
        return self

    def forward(self, tokens):
        mask = (tokens != self.pad_idx).unsqueeze(-1).float()
        summed = (self.embed(tokens) * mask).sum(1)
        return self.fc(summed / mask.sum(1).clamp_min(1.0))
