import torch
import torch.nn as nn

from .layers import FastLayerNorm


class Block(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.ln = FastLayerNorm(d)
        self.mlp = nn.Sequential(nn.Linear(d, 4 * d), nn.GELU(), nn.Linear(4 * d, d))

    def forward(self, x):
        return x + self.mlp(self.ln(x))  # L


class TinyLM(nn.Module):
    def __init__(self, vocab=13, d=8, depth=2, ctx=6):
        super().__init__()
        self.tok = nn.Embedding(vocab, d)
        self.pos = nn.Parameter(torch.zeros(ctx, d))
        self.blocks = nn.ModuleList(Block(d) for _ in range(depth))
        self.ln_f = FastLayerNorm(d)
        self.head = nn.Linear(d, vocab, bias=False)

    def forward(self, tokens):
        x = self.tok(tokens) + self.pos[: tokens.shape[1]]
        for block in self.blocks:
            x = block(x)
        return self.head(self.ln_f(x))  # L
