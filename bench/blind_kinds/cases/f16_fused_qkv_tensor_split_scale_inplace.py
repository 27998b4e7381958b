import torch
import torch.nn as nn


class GroupedQueryAttention(nn.Module):
    """One projection gives q (all heads) and a shared k, v (one head)."""

    def __init__(self, dim=8, heads=4):
        super().__init__()
        self.heads, self.head_dim = heads, dim // heads
        self.qkv = nn.Linear(dim, dim + 2 * self.head_dim)
        self.out = nn.Linear(dim, dim)
        self.scale = self.head_dim ** -0.5

    def forward(self, x):
        B, T, C = x.shape
        q, k, v = torch.tensor_split(self.qkv(x), [C, C + self.head_dim], dim=-1)
        q *= self.scale  # L
        q = q.reshape(B, T, self.heads, self.head_dim).transpose(1, 2)
        att = (q @ k.unsqueeze(1).transpose(-2, -1)).softmax(-1)
        y = (att @ v.unsqueeze(1)).transpose(1, 2).reshape(B, T, C)
        return self.out(y)


def run():
    torch.manual_seed(0)
    layer = GroupedQueryAttention()
    layer(torch.randn(2, 3, 8)).sum().backward()
