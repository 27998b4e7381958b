import torch
import torch.nn as nn


class CrossBatchMemory(nn.Module):
    """XBM (Wang et al., 2020): a ring buffer of recent embeddings and their labels, used as extra
    pairs for the metric loss."""

    def __init__(self, size, dim):
        super().__init__()
        self.size = size
        self.register_buffer("feats", torch.zeros(size, dim))
        self.register_buffer("labels", torch.full((size,), -1, dtype=torch.long))
        self.ptr = 0
        self.filled = 0

    @torch.no_grad()
    def enqueue(self, feats, labels):
        for f, y in zip(feats, labels):
            self.feats[self.ptr] = f  # L
            self.labels[self.ptr] = y
            self.ptr = (self.ptr + 1) % self.size
            self.filled = min(self.filled + 1, self.size)

    def get(self):
        return self.feats[: self.filled], self.labels[: self.filled]
