import math

import torch
import torch.nn as nn


class CachedSelfAttention(nn.Module):
    """Single-head attention with a key/value cache; training fills the cache for the whole prefix first."""

    def __init__(self, d_model=8, max_len=4):
        super().__init__()
        self.qkv = nn.Linear(d_model, 3 * d_model)
        self.out = nn.Linear(d_model, d_model)
        self.register_buffer("k_cache", torch.zeros(1, max_len, d_model), persistent=False)
        self.register_buffer("v_cache", torch.zeros(1, max_len, d_model), persistent=False)

    def prefill(self, xs):
        queries = []
        for t, x_t in enumerate(xs):
            q, k, v = self.qkv(x_t).split(x_t.shape[-1], dim=-1)
            self.k_cache[:, t] = k  # L
            self.v_cache[:, t] = v  # L
            queries.append(q)
        return queries

    def attend(self, q, t):
        keys, values = self.k_cache[:, : t + 1], self.v_cache[:, : t + 1]
        scores = q.unsqueeze(1) @ keys.transpose(1, 2) / math.sqrt(q.shape[-1])
        return self.out((scores.softmax(-1) @ values).squeeze(1))


def run():
    torch.manual_seed(0)
    attn = CachedSelfAttention()
    head = nn.Linear(8, 5)
    opt = torch.optim.SGD(list(attn.parameters()) + list(head.parameters()), lr=0.1)
    xs, ys = torch.randn(4, 1, 8), torch.randint(0, 5, (4, 1))
    queries = attn.prefill(xs)
    loss = 0.0
    for t, q in enumerate(queries):
        loss = loss + nn.functional.cross_entropy(head(attn.attend(q, t)), ys[t])
    opt.zero_grad()
    loss.backward()
    opt.step()
