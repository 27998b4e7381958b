"""Causal self-attention with ALiBi (Press et al., 2022) whose per-head slopes are learned,
initialised from the geometric sequence. The forward keeps the slopes positive so every head
penalises distance."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


def alibi_init(heads):
    start = 2 ** (-8 / heads)
    return torch.tensor([start ** (i + 1) for i in range(heads)])


class ALiBiAttention(nn.Module):
    def __init__(self, dim, heads, max_len=16):
        super().__init__()
        self.h, self.d = heads, dim // heads
        self.qkv = nn.Linear(dim, 3 * dim)
        self.proj = nn.Linear(dim, dim)
        self.slopes = nn.Parameter(alibi_init(heads))
        pos = torch.arange(max_len)
        self.register_buffer("distance", (pos[None, :] - pos[:, None]).clamp(max=0).float())

    def bias(self, t):
        slopes = self.slopes.abs_()  # L
        bias = slopes[:, None, None] * self.distance[:t, :t]
        causal = torch.ones(t, t, dtype=torch.bool).triu(1)
        return bias.masked_fill_(causal, float("-inf"))

    def forward(self, x):
        b, t, c = x.shape
        q, k, v = self.qkv(x).view(b, t, 3, self.h, self.d).permute(2, 0, 3, 1, 4)
        scores = q @ k.transpose(-1, -2) / math.sqrt(self.d) + self.bias(t)  # L
        out = F.softmax(scores, dim=-1) @ v
        return self.proj(out.transpose(1, 2).reshape(b, t, c))


def run():
    torch.manual_seed(0)
    embed, attn, head = nn.Embedding(10, 8), ALiBiAttention(8, 2), nn.Linear(8, 10)
    params = [*embed.parameters(), *attn.parameters(), *head.parameters()]
    opt = torch.optim.AdamW(params, lr=1e-3)
    ids = torch.randint(0, 10, (2, 6))
    x = embed(ids[:, :-1])
    logits = head(x + attn(x))
    loss = F.cross_entropy(logits.reshape(-1, 10), ids[:, 1:].reshape(-1))
    opt.zero_grad()
    loss.backward()
    opt.step()
