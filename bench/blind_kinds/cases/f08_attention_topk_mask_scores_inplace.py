import math

import torch
import torch.nn as nn


class SparseSelfAttention(nn.Module):
    """Keeps the top-k attention scores of each query; the rest get no weight."""

    def __init__(self, dim, heads=2, topk=3):
        super().__init__()
        self.heads, self.topk = heads, topk
        self.qkv = nn.Linear(dim, 3 * dim)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x):
        B, T, C = x.shape
        q, k, v = self.qkv(x).reshape(B, T, 3, self.heads, C // self.heads).permute(2, 0, 3, 1, 4)
        scores = q @ k.transpose(-2, -1)
        scores /= math.sqrt(C // self.heads)  # L
        kth = scores.topk(self.topk, dim=-1).values[..., -1:]
        scores.masked_fill_(scores < kth, float("-inf"))  # L
        probs = scores.softmax(dim=-1)
        out = (probs @ v).transpose(1, 2).reshape(B, T, C)
        return self.proj(out)


def run():
    torch.manual_seed(0)
    attn = SparseSelfAttention(8)
    x = torch.randn(2, 5, 8)
    attn(x).pow(2).mean().backward()
