import torch.nn as nn

from .attention import SinkAttention
from .layers import make_dropout


class Block(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        d = cfg["d_model"]
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.attn = SinkAttention(d, cfg["heads"], cfg["attn_dropout"])
        self.mlp = nn.Sequential(nn.Linear(d, 4 * d), nn.GELU(), nn.Linear(4 * d, d))
        self.drop = make_dropout("residual", cfg["resid_dropout"])

    def forward(self, x):
        x = x + self.drop(self.attn(self.ln1(x)))
        return x + self.drop(self.mlp(self.ln2(x)))


class SinkLM(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.embed = nn.Embedding(cfg["vocab"], cfg["d_model"])
        self.pos = nn.Embedding(cfg["max_len"], cfg["d_model"])
        self.blocks = nn.Sequential(*[Block(cfg) for _ in range(cfg["layers"])])
        self.norm = nn.LayerNorm(cfg["d_model"])
        self.head = nn.Linear(cfg["d_model"], cfg["vocab"], bias=False)
        self.head.weight = self.embed.weight

    def forward(self, ids):
        pos = self.pos.weight[: ids.shape[1]]
        return self.head(self.norm(self.blocks(self.embed(ids) + pos)))
