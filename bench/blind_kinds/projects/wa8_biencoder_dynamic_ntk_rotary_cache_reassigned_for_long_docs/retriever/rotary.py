"""Rotary position embeddings with dynamic NTK scaling for sequences beyond the trained length."""
import torch
import torch.nn as nn


def rotate_half(x):
    x1, x2 = x[..., : x.shape[-1] // 2], x[..., x.shape[-1] // 2:]
    return torch.cat((-x2, x1), dim=-1)


class DynamicNTKRotary(nn.Module):
    def __init__(self, dim, max_position=6, base=10000.0, scaling_factor=2.0, cache_len=32):
        super().__init__()
        self.dim, self.max_position, self.base, self.factor = dim, max_position, base, scaling_factor
        self.cache_len = cache_len
        self.cached_base = None
        self._set_cache(base)

    def _set_cache(self, base):
        inv_freq = 1.0 / (base ** (torch.arange(0, self.dim, 2).float() / self.dim))
        freqs = torch.outer(torch.arange(self.cache_len).float(), inv_freq)
        emb = torch.cat((freqs, freqs), dim=-1)
        # new buffers each time, as transformers' rotary classes do
        self.register_buffer("cos_cached", emb.cos(), persistent=False)  # L
        self.register_buffer("sin_cached", emb.sin(), persistent=False)  # L
        self.cached_base = base

    def _base_for(self, seq_len):
        if seq_len <= self.max_position:
            return self.base
        scale = (self.factor * seq_len / self.max_position) - (self.factor - 1)
        return self.base * scale ** (self.dim / (self.dim - 2))

    def forward(self, q, k):
        seq_len = q.shape[-2]
        base = self._base_for(seq_len)
        if base != self.cached_base:
            self._set_cache(base)  # L
        cos, sin = self.cos_cached[:seq_len], self.sin_cached[:seq_len]
        return q * cos + rotate_half(q) * sin, k * cos + rotate_half(k) * sin
