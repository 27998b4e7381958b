import torch
import torch.nn as nn


class BiLM(nn.Module):
    """A two-layer bidirectional LSTM language model over character-free word embeddings; it
    returns every layer's representation stacked as (layers, batch, time, dim)."""

    def __init__(self, vocab, dim, layers=2):
        super().__init__()
        self.embed = nn.Embedding(vocab, 2 * dim)
        self.layers = nn.ModuleList(nn.LSTM(2 * dim, dim, batch_first=True, bidirectional=True)
                                    for _ in range(layers))

    def forward(self, ids):
        h = self.embed(ids)
        reps = [h]
        for lstm in self.layers:
            out, _ = lstm(h)
            h = out + h if len(reps) > 1 else out
            reps.append(h)
        return torch.stack(reps)
