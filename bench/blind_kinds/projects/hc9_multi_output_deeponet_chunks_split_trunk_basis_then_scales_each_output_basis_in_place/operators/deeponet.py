import torch
import torch.nn as nn

from .basis import scale_basis_, split_trunk
from .registry import build_mlp


class MultiOutputDeepONet(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        p, k = cfg["p"], cfg["n_out"]
        self.n_out = k
        self.branch = build_mlp([cfg["m"], cfg["width"], p * k], cfg["act"])
        self.trunk = build_mlp([1, cfg["width"], cfg["width"], p * k], cfg["act"])
        self.bias = nn.Parameter(torch.zeros(k))

    def forward(self, u, y):
        b_all = self.branch(u).chunk(self.n_out, dim=-1)
        t_all = [scale_basis_(t) for t in split_trunk(self.trunk(y), self.n_out)]  # L
        outs = [torch.einsum("bp,np->bn", b, t) for b, t in zip(b_all, t_all)]
        return torch.stack(outs, -1) + self.bias
