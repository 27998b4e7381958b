"""MADE (Germain et al. 2015) conditioned on a context vector, as used by IAF."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class MaskedLinear(nn.Linear):
    def __init__(self, d_in, d_out, mask):
        super().__init__(d_in, d_out)
        self.register_buffer("mask", mask)

    def forward(self, x):
        return F.linear(x, self.weight * self.mask, self.bias)


class MADE(nn.Module):
    def __init__(self, dim, hidden, context):
        super().__init__()
        deg_in = torch.arange(1, dim + 1)
        deg_h = torch.arange(hidden) % max(dim - 1, 1) + 1
        self.inp = MaskedLinear(dim, hidden, (deg_h[:, None] >= deg_in[None, :]).float())
        self.ctx = nn.Linear(context, hidden)
        out_mask = (deg_in[:, None] > deg_h[None, :]).float()
        self.m = MaskedLinear(hidden, dim, out_mask)
        self.s = MaskedLinear(hidden, dim, out_mask)

    def forward(self, z, h):
        a = F.elu(self.inp(z) + self.ctx(h))
        return self.m(a), self.s(a)
