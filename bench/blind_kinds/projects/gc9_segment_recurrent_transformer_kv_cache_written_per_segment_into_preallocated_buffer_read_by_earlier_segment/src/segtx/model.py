import torch.nn as nn

from .cache import KVCache
from .layers import build_attention


class SegmentLM(nn.Module):
    def __init__(self, vocab=21, d=8, attention="CachedAttention"):
        super().__init__()
        self.d = d
        self.emb = nn.Embedding(vocab, d)
        self.attn = build_attention(attention, d)
        self.ln = nn.LayerNorm(d)
        self.head = nn.Linear(d, vocab)

    def new_cache(self, batch, max_len):
        return KVCache(batch, max_len, self.d)

    def forward(self, segment, cache):
        x = self.emb(segment)
        x = x + self.attn(x, cache)  # L
        return self.head(self.ln(x))
