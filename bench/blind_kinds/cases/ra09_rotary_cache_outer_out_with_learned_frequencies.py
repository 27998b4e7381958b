"""Rotary position embedding with a preallocated angle table refreshed by out=; frequencies learned."""
from dataclasses import dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass
class RotaryConfig:
    dim: int = 8
    base: float = 10000.0
    learned_freq: bool = True


class Rotary(nn.Module):
    def __init__(self, cfg: RotaryConfig):
        super().__init__()
        inv_freq = 1.0 / cfg.base ** (torch.arange(0, cfg.dim, 2).float() / cfg.dim)
        if cfg.learned_freq:
            self.inv_freq = nn.Parameter(inv_freq)
        else:
            self.register_buffer("inv_freq", inv_freq)
        self.register_buffer("angles", torch.empty(0, cfg.dim // 2), persistent=False)

    def forward(self, x):
        seq_len = x.shape[-2]
        if self.angles.shape[0] != seq_len:
            self.angles = self.angles.new_empty(seq_len, self.inv_freq.numel())
        pos = torch.arange(seq_len, dtype=x.dtype)
        torch.outer(pos, self.inv_freq, out=self.angles)  # L
        cos, sin = self.angles.cos(), self.angles.sin()
        x1, x2 = x[..., 0::2], x[..., 1::2]
        return torch.cat([x1 * cos - x2 * sin, x1 * sin + x2 * cos], dim=-1)


class RotarySelfAttention(nn.Module):
    def __init__(self, cfg: RotaryConfig):
        super().__init__()
        self.qkv = nn.Linear(cfg.dim, 3 * cfg.dim)
        self.rotary = Rotary(cfg)

    def forward(self, x):
        q, k, v = self.qkv(x).chunk(3, dim=-1)
        return F.scaled_dot_product_attention(self.rotary(q), self.rotary(k), v, is_causal=True)


def run(cfg=RotaryConfig()):
    torch.manual_seed(0)
    model = RotarySelfAttention(cfg)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(2):
        x = torch.randn(2, 5, cfg.dim)
        loss = model(x).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
