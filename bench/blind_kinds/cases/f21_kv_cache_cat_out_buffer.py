import torch
import torch.nn as nn


class CachedAttention(nn.Module):
    """Attention over the current chunk plus a preallocated key/value cache."""

    def __init__(self, dim=6, max_len=16):
        super().__init__()
        self.k = nn.Linear(dim, dim)
        self.v = nn.Linear(dim, dim)
        self.q = nn.Linear(dim, dim)
        self.register_buffer("k_buf", torch.zeros(1, max_len, dim), persistent=False)
        self.register_buffer("v_buf", torch.zeros(1, max_len, dim), persistent=False)
        self.past_k = torch.zeros(1, 0, dim)
        self.past_v = torch.zeros(1, 0, dim)

    def forward(self, x):
        n = self.past_k.size(1) + x.size(1)
        keys = torch.cat([self.past_k, self.k(x)], dim=1, out=self.k_buf[:, :n])  # L
        values = torch.cat([self.past_v, self.v(x)], dim=1, out=self.v_buf[:, :n])  # L
        att = (self.q(x) @ keys.transpose(1, 2)).softmax(-1)
        return att @ values


def run():
    torch.manual_seed(0)
    layer = CachedAttention()
    layer(torch.randn(1, 3, 6)).sum().backward()
