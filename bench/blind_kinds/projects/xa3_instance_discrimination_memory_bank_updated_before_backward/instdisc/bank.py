import torch
import torch.nn as nn
import torch.nn.functional as F


class MemoryBank(nn.Module):
    """Non-parametric instance classifier (Wu et al., 2018): one unit-norm feature per training
    image, refreshed by a momentum average whenever the image is seen."""

    def __init__(self, n_items, dim, tau=0.07, momentum=0.5):
        super().__init__()
        self.register_buffer("memory", F.normalize(torch.randn(n_items, dim), dim=1))
        self.tau = tau
        self.momentum = momentum

    def logits(self, feats):
        return feats @ self.memory.t() / self.tau

    @torch.no_grad()
    def update(self, idx, feats):
        mixed = self.memory[idx] * self.momentum + feats.detach() * (1 - self.momentum)
        self.memory.index_copy_(0, idx, F.normalize(mixed, dim=1))  # L
