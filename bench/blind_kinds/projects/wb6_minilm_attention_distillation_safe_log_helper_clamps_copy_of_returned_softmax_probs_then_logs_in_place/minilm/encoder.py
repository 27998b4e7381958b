import torch
import torch.nn as nn


class SelfAttention(nn.Module):
    def __init__(self, d, heads):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(d, 3 * d)
        self.proj = nn.Linear(d, d)

    def forward(self, x, pad):
        b, t, d = x.shape
        q, k, v = (z.reshape(b, t, self.heads, -1).transpose(1, 2) for z in self.qkv(x).chunk(3, -1))
        scores = q @ k.transpose(-1, -2) / q.shape[-1] ** 0.5
        scores = scores.masked_fill(pad[:, None, None, :], float("-inf"))
        probs = scores.softmax(-1)
        out = (probs @ v).transpose(1, 2).reshape(b, t, d)
        return self.proj(out), probs, v


class Layer(nn.Module):
    def __init__(self, d, heads):
        super().__init__()
        self.attn = SelfAttention(d, heads)
        self.ln1 = nn.LayerNorm(d)
        self.ff = nn.Sequential(nn.Linear(d, 2 * d), nn.GELU(), nn.Linear(2 * d, d))
        self.ln2 = nn.LayerNorm(d)

    def forward(self, x, pad):
        a, probs, values = self.attn(x, pad)
        x = self.ln1(x + a)
        return self.ln2(x + self.ff(x)), probs, values


class Encoder(nn.Module):
    """Returns the hidden states and the last layer's attention maps and values (MiniLM)."""

    def __init__(self, vocab, d, heads, depth):
        super().__init__()
        self.embed = nn.Embedding(vocab, d)
        self.layers = nn.ModuleList(Layer(d, heads) for _ in range(depth))

    def forward(self, ids, pad):
        x = self.embed(ids)
        for layer in self.layers:
            x, probs, values = layer(x, pad)
        return x, probs, values
