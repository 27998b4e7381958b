import torch.nn as nn

from .attention import CachedSelfAttention


class Block(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.norm1, self.norm2 = nn.LayerNorm(dim), nn.LayerNorm(dim)
        self.attn = CachedSelfAttention(dim, heads)
        self.mlp = nn.Sequential(nn.Linear(dim, 4 * dim), nn.GELU(), nn.Linear(4 * dim, dim))

    def forward(self, x, cache):
        x = x + self.attn(self.norm1(x), cache)  # L
        return x + self.mlp(self.norm2(x))


class ChunkLM(nn.Module):
    def __init__(self, vocab=20, dim=16, heads=2, depth=2):
        super().__init__()
        self.heads, self.dim, self.depth = heads, dim, depth
        self.embed = nn.Embedding(vocab, dim)
        self.blocks = nn.ModuleList(Block(dim, heads) for _ in range(depth))
        self.head = nn.Linear(dim, vocab)

    def forward(self, tokens, caches):
        x = self.embed(tokens)
        for block, cache in zip(self.blocks, caches):
            x = block(x, cache)  # L
        return self.head(x)
