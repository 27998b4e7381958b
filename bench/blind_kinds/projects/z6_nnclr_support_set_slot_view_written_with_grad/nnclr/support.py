import torch
import torch.nn as nn
import torch.nn.functional as F


class SupportSet(nn.Module):
    """A FIFO queue of past embeddings (NNCLR's support set), stored column-wise."""

    def __init__(self, dim: int, size: int):
        super().__init__()
        self.register_buffer("bank", F.normalize(torch.randn(dim, size), dim=0))
        self.register_buffer("ptr", torch.zeros((), dtype=torch.long))

    @property
    def size(self) -> int:
        return self.bank.size(1)

    @torch.no_grad()
    def nearest(self, z):
        idx = (z @ self.bank).argmax(dim=1)
        return self.bank[:, idx].T.clone()

    @torch.no_grad()
    def _slot(self, n: int):
        start = int(self.ptr)
        return self.bank[:, start:start + n]

    def enqueue(self, z):
        n = z.size(0)
        assert self.size % n == 0, "batch size must divide the support set"
        self._slot(n).copy_(z.T)  # L
        with torch.no_grad():
            self.ptr.add_(n).remainder_(self.size)
