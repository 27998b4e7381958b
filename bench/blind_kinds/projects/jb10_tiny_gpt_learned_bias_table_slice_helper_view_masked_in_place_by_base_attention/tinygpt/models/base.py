import math

import torch
import torch.nn as nn


class CausalAttentionBase(nn.Module):
    """Multi-head causal self-attention; subclasses give the additive bias of the scores."""

    def __init__(self, cfg):
        super().__init__()
        self.n_heads = cfg.n_heads
        self.qkv = nn.Linear(cfg.d_model, 3 * cfg.d_model)
        self.proj = nn.Linear(cfg.d_model, cfg.d_model)

    def score_bias(self, t):
        raise NotImplementedError

    @staticmethod
    def mask_future_(bias):
        t = bias.shape[-1]
        future = torch.ones(t, t, dtype=torch.bool).triu(1)
        return bias.masked_fill_(future, float("-inf"))  # L

    def forward(self, x):
        b, t, d = x.shape
        q, k, v = self.qkv(x).view(b, t, 3, self.n_heads, d // self.n_heads).permute(2, 0, 3, 1, 4)
        scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
        scores = scores + self.score_bias(t)  # L
        out = torch.softmax(scores, dim=-1) @ v
        return self.proj(out.transpose(1, 2).reshape(b, t, d))
