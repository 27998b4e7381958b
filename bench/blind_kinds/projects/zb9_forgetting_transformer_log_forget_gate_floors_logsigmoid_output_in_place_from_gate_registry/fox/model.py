import torch.nn as nn

from .attention import ForgettingAttention


class FoxBlock(nn.Module):
    def __init__(self, d, heads, gate):
        super().__init__()
        self.norm1, self.norm2 = nn.RMSNorm(d), nn.RMSNorm(d)
        self.attn = ForgettingAttention(d, heads, gate)
        self.mlp = nn.Sequential(nn.Linear(d, 2 * d), nn.SiLU(), nn.Linear(2 * d, d))

    def forward(self, x):
        x = x + self.attn(self.norm1(x))
        return x + self.mlp(self.norm2(x))


class FoxLM(nn.Module):
    """No positional embedding: the forget gates carry the order."""

    def __init__(self, vocab, d=16, heads=2, layers=2, gate="sigmoid_log"):
        super().__init__()
        self.embed = nn.Embedding(vocab, d)
        self.blocks = nn.ModuleList(FoxBlock(d, heads, gate) for _ in range(layers))
        self.norm = nn.RMSNorm(d)
        self.head = nn.Linear(d, vocab, bias=False)

    def forward(self, ids):
        x = self.embed(ids)
        for block in self.blocks:
            x = block(x)
        return self.head(self.norm(x))
