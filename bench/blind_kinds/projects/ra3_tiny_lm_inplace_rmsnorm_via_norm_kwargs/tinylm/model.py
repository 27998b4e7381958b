import torch.nn as nn

from tinylm.layers import *  # noqa: F401,F403


class Block(nn.Module):
    def __init__(self, dim, **norm_kw):
        super().__init__()
        self.norm = RMSNorm(dim, **norm_kw)  # noqa: F405
        self.mlp = SwiGLU(dim)  # noqa: F405

    def forward(self, x):
        return x + self.mlp(self.norm(x))  # L


class TinyLM(nn.Module):
    def __init__(self, vocab, dim, depth, norm=None):
        super().__init__()
        norm = norm or {}
        self.embed = nn.Embedding(vocab, dim)
        self.blocks = nn.ModuleList([Block(dim, **norm) for _ in range(depth)])
        self.final_norm = RMSNorm(dim, **norm)  # noqa: F405
        self.head = nn.Linear(dim, vocab, bias=False)
        self.head.weight = self.embed.weight

    def forward(self, tokens):
        x = self.embed(tokens)
        for block in self.blocks:
            x = block(x)  # L
        return self.head(self.final_norm(x))
