"""Gated attention (an elementwise sigmoid gate on the attention output before the output projection)
in a small causal LM; the heads of scaled_dot_product_attention's result are merged first
(transpose, reshape) and the gate is applied in place on the merged tensor. The heads are split
from the fused qkv projection by view and transpose, then made contiguous."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class GatedSelfAttention(nn.Module):
    def __init__(self, d_model=16, n_heads=2):
        super().__init__()
        self.h, self.dh = n_heads, d_model // n_heads
        self.qkv = nn.Linear(d_model, 3 * d_model)
        self.gate = nn.Linear(d_model, d_model)
        self.out = nn.Linear(d_model, d_model)

    def _heads(self, t):
        b, n, _ = t.shape
        return t.view(b, n, self.h, self.dh).transpose(1, 2).contiguous()

    def forward(self, x):
        b, n, d = x.shape
        q, k, v = map(self._heads, self.qkv(x).split(d, dim=-1))
        y = F.scaled_dot_product_attention(q, k, v, is_causal=True).transpose(1, 2).reshape(b, n, d)
        y.mul_(torch.sigmoid(self.gate(x)))  # L
        return self.out(y)


class Block(nn.Module):
    def __init__(self, d_model=16):
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(d_model), nn.LayerNorm(d_model)
        self.attn = GatedSelfAttention(d_model)
        self.mlp = nn.Sequential(nn.Linear(d_model, 4 * d_model), nn.GELU(), nn.Linear(4 * d_model, d_model))

    def forward(self, x):
        x = x + self.attn(self.ln1(x))
        return x + self.mlp(self.ln2(x))


class TinyLM(nn.Module):
    def __init__(self, vocab=11, d_model=16, n_layers=2):
        super().__init__()
        self.embed = nn.Embedding(vocab, d_model)
        self.blocks = nn.ModuleList(Block(d_model) for _ in range(n_layers))
        self.norm = nn.LayerNorm(d_model)

    def forward(self, ids):
        x = self.embed(ids)
        for block in self.blocks:
            x = block(x)
        return self.norm(x) @ self.embed.weight.t()


def run():
    torch.manual_seed(0)
    model = TinyLM()
    opt = torch.optim.AdamW(model.parameters(), lr=3e-3)
    for _ in range(2):
        ids = torch.randint(0, 11, (2, 7))
        logits = model(ids[:, :-1])
        loss = F.cross_entropy(logits.reshape(-1, 11), ids[:, 1:].reshape(-1))
        opt.zero_grad()
        loss.backward()
        opt.step()
