import torch
import torch.nn as nn
import torch.nn.functional as F

from .rotary import DynamicNTKRotary


class RotaryAttention(nn.Module):
    def __init__(self, d_model, rotary):
        super().__init__()
        self.qkv = nn.Linear(d_model, 3 * d_model)
        self.proj = nn.Linear(d_model, d_model)
        self.rotary = rotary

    def forward(self, x, mask):
        q, k, v = self.qkv(x).split(x.shape[-1], dim=-1)
        q, k = self.rotary(q, k)  # L
        scores = q @ k.transpose(1, 2) / q.shape[-1] ** 0.5
        scores = scores.masked_fill(~mask[:, None, :], float("-inf"))
        return self.proj(torch.softmax(scores, -1) @ v)


class BiEncoder(nn.Module):
    """One encoder shared by queries and passages (mean-pooled, L2-normalised)."""

    def __init__(self, vocab=30, d_model=8, n_layers=2):
        super().__init__()
        self.embed = nn.Embedding(vocab, d_model, padding_idx=0)
        rotary = DynamicNTKRotary(d_model)
        self.layers = nn.ModuleList(RotaryAttention(d_model, rotary) for _ in range(n_layers))
        self.norms = nn.ModuleList(nn.LayerNorm(d_model) for _ in range(n_layers))

    def forward(self, tokens):
        mask = tokens != 0
        x = self.embed(tokens)
        for norm, attn in zip(self.norms, self.layers):
            x = x + attn(norm(x), mask)  # L
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
        return F.normalize(pooled, dim=-1)
