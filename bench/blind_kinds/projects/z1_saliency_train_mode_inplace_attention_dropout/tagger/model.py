import torch.nn as nn

from .layers import DotAttention, DroppedAttention

__all__ = ["Tagger"]


class Tagger(nn.Module):
    def __init__(self, vocab=20, dim=16, n_tags=4, depth=2, attn_dropout=0.1):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        attn = (lambda: DroppedAttention(dim, attn_dropout)) if attn_dropout > 0 else (lambda: DotAttention(dim))
        self.mixers = nn.Sequential(*(attn() for _ in range(depth)))
        self.head = nn.Linear(dim, n_tags)

    def embed_tokens(self, tokens):
        return self.embed(tokens)

    def forward_embedded(self, emb):
        return self.head(self.mixers(emb))

    def forward(self, tokens):
        return self.forward_embedded(self.embed_tokens(tokens))
