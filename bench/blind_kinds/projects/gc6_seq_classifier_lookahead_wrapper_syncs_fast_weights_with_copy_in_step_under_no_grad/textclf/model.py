import torch
import torch.nn as nn


class BiGRUClassifier(nn.Module):
    def __init__(self, vocab=23, d=8, n_classes=3):
        super().__init__()
        self.emb = nn.Embedding(vocab, d, padding_idx=0)
        self.gru = nn.GRU(d, d, batch_first=True, bidirectional=True)
        self.head = nn.Linear(2 * d, n_classes)

    def forward(self, tokens):
        y, _ = self.gru(self.emb(tokens))
        mask = (tokens != 0).unsqueeze(-1).float()
        pooled = (y * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        return self.head(pooled)
