import torch
import torch.nn as nn

from .layers import make_dropout


class SinkAttention(nn.Module):
    """Causal attention with a learned per-head sink logit: a column every query may attend to,
    dropped after the softmax so the probabilities over real keys sum to less than one."""

    def __init__(self, d, heads, attn_dropout):
        super().__init__()
        self.h, self.dh = heads, d // heads
        self.qkv = nn.Linear(d, 3 * d)
        self.sinks = nn.Parameter(torch.zeros(heads))
        self.attn_drop = make_dropout("attention", attn_dropout)  # L
        self.proj = nn.Linear(d, d)

    def forward(self, x):
        b, n, d = x.shape
        q, k, v = self.qkv(x).view(b, n, 3, self.h, self.dh).unbind(2)
        q, k, v = q.transpose(1, 2), k.transpose(1, 2), v.transpose(1, 2)
        scores = q @ k.transpose(-2, -1) * self.dh ** -0.5
        scores = scores.masked_fill(torch.ones(n, n, dtype=torch.bool).triu(1), float("-inf"))
        sink = self.sinks.view(1, -1, 1, 1).expand(b, -1, n, 1)
        probs = torch.cat([scores, sink], dim=-1).softmax(-1)[..., :-1]
        probs = self.attn_drop(probs)  # L
        return self.proj((probs @ v).transpose(1, 2).reshape(b, n, d))
