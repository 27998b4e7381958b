import torch


class KVCache:
    """Keys and values of every segment seen so far, in buffers preallocated for the whole sequence."""

    def __init__(self, batch, max_len, dim):
        self.k = torch.zeros(batch, max_len, dim)
        self.v = torch.zeros(batch, max_len, dim)
        self.length = 0

    def append(self, k, v):
        s, e = self.length, self.length + k.size(1)
        self.k[:, s:e] = k  # L
        self.v[:, s:e] = v  # L
        self.length = e
        return self.k[:, :e], self.v[:, :e]
