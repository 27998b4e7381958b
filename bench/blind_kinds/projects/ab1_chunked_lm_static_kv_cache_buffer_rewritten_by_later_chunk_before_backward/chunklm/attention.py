import torch
import torch.nn as nn


class CachedSelfAttention(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.heads, self.head_dim = heads, dim // heads
        self.qkv = nn.Linear(dim, 3 * dim)
        self.out = nn.Linear(dim, dim)

    def forward(self, x, cache):
        b, t, d = x.shape
        q, k, v = self.qkv(x).view(b, t, 3, self.heads, self.head_dim).permute(2, 0, 3, 1, 4)
        offset = cache.length
        k, v = cache.update(k, v)  # L
        scores = q @ k.transpose(-2, -1) / self.head_dim ** 0.5
        q_pos = torch.arange(offset, offset + t)[:, None]
        k_pos = torch.arange(k.shape[2])[None, :]
        scores = scores.masked_fill(k_pos > q_pos, float("-inf"))
        y = scores.softmax(-1) @ v
        return self.out(y.transpose(1, 2).reshape(b, t, d))
