import math

import torch
import torch.nn as nn


class CrossAttention(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.heads = heads
        self.q, self.k, self.v, self.o = (nn.Linear(dim, dim) for _ in range(4))

    def _split(self, x):
        b, t, d = x.shape
        return x.view(b, t, self.heads, d // self.heads).transpose(1, 2)

    def forward(self, x, memory, memory_pad=None):
        q, k, v = self._split(self.q(x)), self._split(self.k(memory)), self._split(self.v(memory))
        scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
        if memory_pad is not None:
            scores = scores.masked_fill(memory_pad[:, None, None, :], float("-inf"))
        out = (scores.softmax(-1) @ v).transpose(1, 2).reshape(x.shape)
        return self.o(out)


class DecoderLayer(nn.Module):
    def __init__(self, dim, heads, make_drop, make_memory_drop):
        super().__init__()
        self.self_attn = nn.MultiheadAttention(dim, heads, batch_first=True)
        self.cross_attn = CrossAttention(dim, heads)
        self.ffn = nn.Sequential(nn.Linear(dim, 4 * dim), nn.ReLU(), nn.Linear(4 * dim, dim))
        self.norms = nn.ModuleList(nn.LayerNorm(dim) for _ in range(3))
        self.drop = make_drop()
        self.memory_drop = make_memory_drop()

    def forward(self, x, memory, causal, memory_pad=None):
        h = self.norms[0](x)
        x = x + self.drop(self.self_attn(h, h, h, attn_mask=causal, need_weights=False)[0])
        memory = self.memory_drop(memory)  # L
        x = x + self.drop(self.cross_attn(self.norms[1](x), memory, memory_pad))
        return x + self.drop(self.ffn(self.norms[2](x)))
