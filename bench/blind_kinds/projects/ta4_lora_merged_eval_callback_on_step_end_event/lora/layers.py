import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class LoRALinear(nn.Module):
    """A frozen Linear plus a trainable low-rank update B @ A, mergeable for fast evaluation."""

    def __init__(self, base: nn.Linear, rank=2, alpha=4.0):
        super().__init__()
        self.base = base
        self.base.requires_grad_(False)
        self.A = nn.Parameter(torch.empty(rank, base.in_features))
        self.B = nn.Parameter(torch.zeros(base.out_features, rank))
        nn.init.kaiming_uniform_(self.A, a=math.sqrt(5))
        self.scaling = alpha / rank
        self.merged = False

    def delta(self):
        return (self.B @ self.A) * self.scaling

    @torch.no_grad()
    def merge_(self):
        if not self.merged:
            self.base.weight.add_(self.delta())  # L
            self.merged = True

    @torch.no_grad()
    def unmerge_(self):
        if self.merged:
            self.base.weight.sub_(self.delta())
            self.merged = False

    def forward(self, x):
        out = F.linear(x, self.base.weight, self.base.bias)
        if self.merged:
            return out
        return out + (x @ self.A.t() @ self.B.t()) * self.scaling
