import torch.nn as nn

from . import ops


class Attention(nn.Module):
    def __init__(self, dim, n_heads=2):
        super().__init__()
        self.n_heads = n_heads
        self.scale = (dim // n_heads) ** -0.5
        self.qkv = nn.Linear(dim, 3 * dim)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x):
        q, k, v = ops.split_heads(self.qkv(x), self.n_heads)
        q = ops.scale_(q, self.scale)  # L
        attn = (q @ k.transpose(-2, -1)).softmax(dim=-1)
        return self.proj(ops.merge_heads(attn @ v))
