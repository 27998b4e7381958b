"""Causal self-attention with Gemma-2-style logit soft-capping, cap * tanh(scores / cap), written as a
fused in-place chain to avoid three score-sized temporaries; the causal mask is filled in place after."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


def softcap_(scores, cap):
    return scores.div_(cap).tanh_().mul_(cap)  # L


class SoftCappedAttention(nn.Module):
    def __init__(self, dim=8, heads=2, cap=5.0):
        super().__init__()
        self.heads, self.cap = heads, cap
        self.qkv = nn.Linear(dim, 3 * dim)
        self.out = nn.Linear(dim, dim)

    def forward(self, x):
        b, t, d = x.shape
        q, k, v = self.qkv(x).view(b, t, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        scores = q @ k.transpose(-2, -1) / math.sqrt(d // self.heads)
        scores = softcap_(scores, self.cap)  # L
        causal = torch.ones(t, t, dtype=torch.bool).triu(1)
        scores.masked_fill_(causal, float("-inf"))  # L
        y = scores.softmax(-1) @ v
        return self.out(y.transpose(1, 2).reshape(b, t, d))


def run():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Embedding(11, 8), SoftCappedAttention(), nn.Linear(8, 11))
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
    for _ in range(2):
        tokens = torch.randint(0, 11, (2, 6))
        logits = model(tokens[:, :-1])
        loss = F.cross_entropy(logits.reshape(-1, 11), tokens[:, 1:].reshape(-1))
        opt.zero_grad()
        loss.backward()
        opt.step()
