from __future__ import annotations

from typing import TYPE_CHECKING

import torch
import torch.nn as nn
import torch.nn.functional as F

from .norms import build_norm

if TYPE_CHECKING:
    from .config import ModelConfig


class PreNorm(nn.Module):
    """inner(norm(x)); subclasses define inner."""

    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.norm = build_norm(cfg.norm, cfg.dim, cfg.eps)

    def forward(self, x, **kwargs):
        return self.inner(self.norm(x), **kwargs)


class Residual:
    """x + sublayer(x), accumulated into the residual stream in place."""

    def forward(self, x, **kwargs):
        x += super().forward(x, **kwargs)  # L
        return x


class SelfAttention(Residual, PreNorm):
    def __init__(self, cfg: ModelConfig):
        super().__init__(cfg)
        self.heads = cfg.heads
        self.qkv = nn.Linear(cfg.dim, 3 * cfg.dim)
        self.proj = nn.Linear(cfg.dim, cfg.dim)

    def inner(self, h, mask=None):
        b, n, d = h.shape
        q, k, v = (t.view(b, n, self.heads, -1).transpose(1, 2) for t in self.qkv(h).chunk(3, dim=-1))
        out = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
        return self.proj(out.transpose(1, 2).reshape(b, n, d))


class FeedForward(Residual, PreNorm):
    def __init__(self, cfg: ModelConfig, mult: int = 2):
        super().__init__(cfg)
        self.fc1 = nn.Linear(cfg.dim, mult * cfg.dim)
        self.fc2 = nn.Linear(mult * cfg.dim, cfg.dim)

    def inner(self, h, **_):
        return self.fc2(F.gelu(self.fc1(h)))


def causal_mask(n: int) -> torch.Tensor:
    return torch.ones(n, n, dtype=torch.bool).tril()
