# peft 0.21.2 peft/tuners/miss/layer.py:191 (merge, safe_merge=True; get_delta_weight line 264; get_base_layer
# and set_base_weight in tuners_utils.py:1874-1903). IPL001 warning: `weight +=` after `W @ miss_B` saved a view.
# Safe: the merged `weight` only feeds torch.isfinite (a bool) and `get_base_layer().weight.data = ...`;
# a `.data =` assignment takes the data, not the graph, so no backward ever reaches the matmul's save.
# Mechanism: the `.data =` target is an attribute of `get_base_layer()` (a loop over .base_layer), not surely
# a tensor, so the value counts as used (quiet with `self.base_layer.weight.data = weight`). See also 02.
import torch
from torch import nn

class MissLinear(nn.Module):
    def __init__(self, n=8, r=2):
        super().__init__()
        self.base_layer = nn.Linear(n, n, bias=False).requires_grad_(False)
        self.miss_block = nn.Parameter(torch.zeros(r, r))  # trainable adapter

    def get_base_layer(self):
        base_layer = self
        while hasattr(base_layer, "base_layer"):
            base_layer = base_layer.base_layer
        return base_layer
    def get_delta_weight(self, orig_weight):
        r = self.miss_block.size(-1)
        w = orig_weight.reshape(orig_weight.size(0) // r, r, orig_weight.size(1) // r, r).permute(2, 0, 1, 3)
        return (w @ self.miss_block + self.miss_block).permute(1, 2, 0, 3).reshape(*orig_weight.shape)

    def merge(self):
        weight = self.get_base_layer().weight.data.clone()
        weight += self.get_delta_weight(weight)
        if not torch.isfinite(weight).all():
            raise ValueError("NaNs in the merged weights")
        self.get_base_layer().weight.data = weight

    def forward(self, x):
        return self.base_layer(x) + x @ self.get_delta_weight(self.base_layer.weight).t()


layer = MissLinear()
layer(torch.randn(3, 8)).sum().backward()
layer.merge()
layer(torch.randn(3, 8)).sum().backward()
