import torch
import torch.nn as nn


class AttentionPoolClassifier(nn.Module):
    """Embeddings, a position-wise MLP, additive attention pooling over non-pad tokens, a head."""

    def __init__(self, vocab, dim, n_classes, pad_id=0):
        super().__init__()
        self.pad_id = pad_id
        self.embed = nn.Embedding(vocab, dim, padding_idx=pad_id)
        self.norm = nn.LayerNorm(dim)
        self.mlp = nn.Sequential(nn.Linear(dim, dim), nn.GELU())
        self.score = nn.Linear(dim, 1)
        self.softmax = nn.Softmax(dim=1)
        self.head = nn.Linear(dim, n_classes)

    def forward(self, tokens):
        h = self.mlp(self.norm(self.embed(tokens)))
        scores = self.score(h).squeeze(-1).masked_fill(tokens == self.pad_id, float("-inf"))
        weights = self.softmax(scores)
        pooled = torch.einsum("bt,btd->bd", weights, h)
        return self.head(pooled)
