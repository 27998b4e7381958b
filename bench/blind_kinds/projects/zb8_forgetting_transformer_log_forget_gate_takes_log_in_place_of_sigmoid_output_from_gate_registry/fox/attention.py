import torch
import torch.nn as nn

from .gates import LOG_GATES


class ForgettingAttention(nn.Module):
    """Softmax attention with a data-dependent decay bias sum_{j < s <= i} log f_s per head."""

    def __init__(self, d, heads, gate="sigmoid_log"):
        super().__init__()
        self.h, self.dh = heads, d // heads
        self.qkv = nn.Linear(d, 3 * d)
        self.fgate = nn.Linear(d, heads)
        self.out = nn.Linear(d, d)
        self.log_gate = LOG_GATES[gate]

    def forward(self, x):
        b, n, d = x.shape
        q, k, v = self.qkv(x).view(b, n, 3, self.h, self.dh).permute(2, 0, 3, 1, 4)
        log_f = self.log_gate(self.fgate(x)).transpose(1, 2)  # L
        cum = log_f.cumsum(-1)
        bias = cum[..., :, None] - cum[..., None, :]
        causal = torch.ones(n, n, dtype=torch.bool).triu(1)
        scores = (q @ k.transpose(-2, -1)) * self.dh ** -0.5 + bias
        att = scores.masked_fill(causal, float("-inf")).softmax(-1)
        return self.out((att @ v).transpose(1, 2).reshape(b, n, d))
