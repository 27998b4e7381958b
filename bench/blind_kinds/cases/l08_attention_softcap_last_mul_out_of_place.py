from __future__ import annotations

import math
from typing import TYPE_CHECKING, Optional

import torch
import torch.nn as nn
import torch.nn.functional as F

if TYPE_CHECKING:
    from torch import Tensor


class SoftcapAttention(nn.Module):
    """Self-attention with logit soft-capping, cap * tanh(scores / cap), done in place to save memory."""

    def __init__(self, dim: int, heads: int = 2, cap: float = 5.0):
        super().__init__()
        self.heads, self.cap = heads, cap
        self.qkv = nn.Linear(dim, 3 * dim)
        self.out = nn.Linear(dim, dim)

    @staticmethod
    def softcap_(scores: Tensor, cap: float) -> Tensor:
        return scores.div_(cap).tanh_().mul(cap)  # L

    def forward(self, x: Tensor, key_padding: Optional[Tensor] = None) -> Tensor:
        b, n, d = x.shape
        q, k, v = (t.reshape(b, n, self.heads, -1).transpose(1, 2) for t in self.qkv(x).chunk(3, -1))
        scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
        scores = self.softcap_(scores, self.cap)
        if key_padding is not None:
            scores.masked_fill_(key_padding[:, None, None, :], float("-inf"))  # L
        ctx = scores.softmax(-1) @ v
        return self.out(ctx.transpose(1, 2).reshape(b, n, d))


def run():
    torch.manual_seed(0)
    attn = SoftcapAttention(8)
    head = nn.Linear(8, 2)
    opt = torch.optim.Adam([*attn.parameters(), *head.parameters()], lr=1e-3)
    x = torch.randn(2, 5, 8)
    pad = torch.tensor([[False] * 5, [False, False, False, True, True]])
    y = torch.tensor([0, 1])
    loss = F.cross_entropy(head(attn(x, key_padding=pad).mean(1)), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
