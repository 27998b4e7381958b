import torch
import torch.nn as nn
import torch.nn.functional as F


def rotary_tables(seq_len, head_dim, base=10000.0):
    inv_freq = 1.0 / base ** (torch.arange(0, head_dim, 2).float() / head_dim)
    angles = torch.outer(torch.arange(seq_len).float(), inv_freq)
    return angles.cos(), angles.sin()


def apply_rotary_(x, cos, sin):
    """Rotate channel pairs (x[..., 2i], x[..., 2i+1]) in place; x: (B, T, H, D)."""
    x1, x2 = x[..., ::2].clone(), x[..., 1::2].clone()
    cos, sin = cos[None, :, None, :], sin[None, :, None, :]
    x[..., ::2] = x1 * cos - x2 * sin  # L
    x[..., 1::2] = x1 * sin + x2 * cos  # L
    return x


class RotaryAttention(nn.Module):
    def __init__(self, d_model=8, n_heads=2):
        super().__init__()
        self.h, self.d = n_heads, d_model // n_heads
        self.qkv = nn.Linear(d_model, 3 * d_model)
        self.proj = nn.Linear(d_model, d_model)

    def forward(self, x):
        B, T, _ = x.shape
        qkv = self.qkv(x).reshape(B, T, 3, self.h, self.d)
        q, k, v = qkv[:, :, 0], qkv[:, :, 1], qkv[:, :, 2]
        cos, sin = rotary_tables(T, self.d)
        q, k = apply_rotary_(q, cos, sin), apply_rotary_(k, cos, sin)
        out = F.scaled_dot_product_attention(q.transpose(1, 2), k.transpose(1, 2), v.transpose(1, 2), is_causal=True)
        return self.proj(out.transpose(1, 2).reshape(B, T, -1))


def run():
    torch.manual_seed(0)
    attn = RotaryAttention()
    opt = torch.optim.AdamW(attn.parameters(), lr=1e-3)
    x = torch.randn(2, 5, 8)
    loss = attn(x).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
