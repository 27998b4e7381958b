import torch
import torch.nn as nn
import torch.nn.functional as F


class AdversarialMemory(nn.Module):
    """AdCo (Hu et al., 2021): the negatives are parameters, trained by gradient ascent on the
    same contrastive loss.  Some rows are now and then reseeded with fresh keys so that the
    adversaries stay near the data."""

    def __init__(self, size, dim):
        super().__init__()
        self.negatives = nn.Parameter(F.normalize(torch.randn(size, dim), dim=1))
        self.ptr = 0

    def logits(self, q):
        return q @ F.normalize(self.negatives, dim=1).t()

    def reseed_(self, keys, rows):
        for k in keys[:rows]:
            self.negatives[self.ptr] = k  # L
            self.ptr = (self.ptr + 1) % self.negatives.size(0)
