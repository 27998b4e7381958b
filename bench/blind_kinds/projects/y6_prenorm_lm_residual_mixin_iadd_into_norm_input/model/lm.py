import torch.nn as nn

from .blocks import FeedForward, SelfAttention, causal_mask
from .config import ModelConfig
from .norms import build_norm


class TinyLM(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.embed = nn.Embedding(cfg.vocab, cfg.dim)
        self.layers = nn.ModuleList()
        for _ in range(cfg.depth):
            self.layers.extend([SelfAttention(cfg), FeedForward(cfg)])
        self.final_norm = build_norm(cfg.norm, cfg.dim, cfg.eps)
        self.lm_head = nn.Linear(cfg.dim, cfg.vocab, bias=False)

    def forward(self, tokens):
        x = self.embed(tokens)
        mask = causal_mask(tokens.shape[1])
        for layer in self.layers:
            x = layer(x, mask=mask)  # L
        return self.lm_head(self.final_norm(x))
