import math
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F


class CachedAttention(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.q, self.k, self.v, self.o = (nn.Linear(d, d) for _ in range(4))

    def forward(self, x, cache):
        keys, values = cache.append(self.k(x), self.v(x))  # L
        T, S = x.size(1), keys.size(1)
        scores = self.q(x) @ keys.transpose(1, 2) / math.sqrt(x.size(-1))
        causal = torch.ones(T, S, dtype=torch.bool).triu(S - T + 1)
        return self.o(F.softmax(scores.masked_fill(causal, float("-inf")), -1) @ values)


def build_attention(name, d):
    return getattr(sys.modules[__name__], name)(d)
