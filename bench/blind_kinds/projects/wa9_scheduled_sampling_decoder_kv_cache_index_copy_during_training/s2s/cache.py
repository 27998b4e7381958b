"""A preallocated key/value cache for step-by-step decoding."""
import torch


class KVCache:
    def __init__(self, batch, max_len, dim):
        self.k = torch.zeros(batch, max_len, dim)
        self.v = torch.zeros(batch, max_len, dim)
        self.length = 0

    def append(self, k_t, v_t):
        pos = torch.tensor([self.length])
        self.k.index_copy_(1, pos, k_t[:, None])  # L
        self.v.index_copy_(1, pos, v_t[:, None])  # L
        self.length += 1
        return self.k[:, : self.length], self.v[:, : self.length]
