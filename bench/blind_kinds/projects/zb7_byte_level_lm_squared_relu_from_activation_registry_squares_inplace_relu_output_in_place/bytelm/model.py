import torch
import torch.nn as nn
import torch.nn.functional as F

from .activations import build_activation


class FeedForward(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.up = nn.Linear(cfg.d_model, cfg.ffn_mult * cfg.d_model)
        self.act = build_activation(cfg.activation)
        self.down = nn.Linear(cfg.ffn_mult * cfg.d_model, cfg.d_model)

    def forward(self, x):
        return self.down(self.act(self.up(x)))  # L


class Block(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(cfg.d_model), nn.LayerNorm(cfg.d_model)
        self.attn = nn.MultiheadAttention(cfg.d_model, cfg.n_heads, batch_first=True)
        self.ffn = FeedForward(cfg)

    def forward(self, x, causal):
        h = self.ln1(x)
        x = x + self.attn(h, h, h, attn_mask=causal, need_weights=False)[0]
        return x + self.ffn(self.ln2(x))


class ByteLM(nn.Module):
    """Tokenizer-free: the vocabulary is the 256 byte values."""

    def __init__(self, cfg):
        super().__init__()
        self.embed = nn.Embedding(256, cfg.d_model)
        self.pos = nn.Embedding(cfg.max_len, cfg.d_model)
        self.blocks = nn.ModuleList(Block(cfg) for _ in range(cfg.n_layers))
        self.norm = nn.LayerNorm(cfg.d_model)

    def forward(self, data):
        n = data.shape[1]
        causal = torch.ones(n, n, dtype=torch.bool).triu(1)
        x = self.embed(data) + self.pos(torch.arange(n))
        for block in self.blocks:
            x = block(x, causal)
        return F.linear(self.norm(x), self.embed.weight)
