# peft 0.21.2 peft/tuners/miss/layer.py:191 (merge, safe_merge=True: `if self.miss_fn == "bat": weight += delta
# else: weight = get_delta_weight_miss(...)`). IPL001 warning: `weight +=` after `W @ miss_B` saved a view of it.
# Safe: after the if/else, `weight` only feeds torch.isfinite (a bool) and a `.data =` assignment (here the plain
# `self.base_layer.weight.data`, which alone is quiet): no backward ever reaches the matmul's save.
# Mechanism: the if/else join of `weight` (in-place branch vs rebinding branch) keeps the save reachable; without
# the else branch it is quiet. The same join cause as session 4's botorch mvnxpb / fastai radam false warnings.
import torch
from torch import nn

class MissLinear(nn.Module):
    def __init__(self, n=8, r=2):
        super().__init__()
        self.base_layer = nn.Linear(n, n, bias=False).requires_grad_(False)
        self.miss_block = nn.Parameter(torch.zeros(r, r))  # trainable adapter

    def get_delta_weight(self, orig_weight):
        r = self.miss_block.size(-1)
        w = orig_weight.reshape(orig_weight.size(0) // r, r, orig_weight.size(1) // r, r).permute(2, 0, 1, 3)
        return (w @ self.miss_block + self.miss_block).permute(1, 2, 0, 3).reshape(*orig_weight.shape)

    def merge(self, additive=True):
        weight = self.base_layer.weight.data.clone()
        if additive:
            weight += self.get_delta_weight(weight)
        else:
            weight = self.get_delta_weight(weight)
        if not torch.isfinite(weight).all():
            raise ValueError("NaNs in the merged weights")
        self.base_layer.weight.data = weight

    def forward(self, x):
        return self.base_layer(x) + x @ self.get_delta_weight(self.base_layer.weight).t()


layer = MissLinear()
layer(torch.randn(3, 8)).sum().backward()
layer.merge()
layer(torch.randn(3, 8)).sum().backward()
