"""Manifold mixup (Verma et al.): pick a random layer, mix the hidden batch with a permutation of
itself there, and mix the targets the same way. The mixing is done in place to save
memory, on the pre-activations."""
import random

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def mix_(h, perm, lam):
    partner = h[perm]
    return h.mul_(lam).add_(partner, alpha=1 - lam)  # L


class MixupMLP(nn.Module):
    def __init__(self, dims=(5, 8, 8, 3)):
        super().__init__()
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(dims[:-1], dims[1:]))

    def forward(self, x, mix_at=None, perm=None, lam=1.0):
        h = x
        for i, layer in enumerate(self.layers):
            h = layer(h)
            if i + 1 == mix_at:
                h = mix_(h, perm, lam)  # L
            if i < len(self.layers) - 1:
                h = F.relu(h)
        return h


def mixed_loss(logits, y, perm, lam):
    return lam * F.cross_entropy(logits, y) + (1 - lam) * F.cross_entropy(logits, y[perm])


def run():
    torch.manual_seed(0)
    random.seed(0)
    np.random.seed(0)
    model = MixupMLP()
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True)
    for _ in range(2):
        x, y = torch.randn(6, 5), torch.randint(0, 3, (6,))
        lam = float(np.random.beta(2.0, 2.0))
        perm = torch.randperm(6)
        mix_at = random.choice([1, 2])
        loss = mixed_loss(model(x, mix_at, perm, lam), y, perm, lam)
        opt.zero_grad()
        loss.backward()
        opt.step()
