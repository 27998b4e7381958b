"""Performer (FAVOR+) linear attention with positive random features
phi(x) = exp(w.x - |x|^2 / 2) / sqrt(m). To keep the features from overflowing, each row is
divided by its own maximum after the exponential, in place."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


def positive_features(x, proj):
    m = proj.shape[0]
    wx = x @ proj.t()
    sq = (x * x).sum(-1, keepdim=True) / 2
    phi = torch.exp(wx - sq)
    phi /= phi.amax(-1, keepdim=True).detach() * math.sqrt(m)  # L
    return phi


class PerformerAttention(nn.Module):
    def __init__(self, d, n_features=16):
        super().__init__()
        self.qkv = nn.Linear(d, 3 * d)
        self.out = nn.Linear(d, d)
        self.register_buffer("proj", torch.randn(n_features, d) / d ** 0.25)

    def forward(self, x):
        q, k, v = self.qkv(x).chunk(3, dim=-1)
        scale = q.shape[-1] ** -0.25
        qf = positive_features(q * scale, self.proj)
        kf = positive_features(k * scale, self.proj)
        kv = torch.einsum("bnm,bnd->bmd", kf, v)
        norm = torch.einsum("bnm,bm->bn", qf, kf.sum(1)).unsqueeze(-1)
        return self.out(torch.einsum("bnm,bmd->bnd", qf, kv) / norm)


def run():
    torch.manual_seed(0)
    attn = PerformerAttention(8)
    head = nn.Linear(8, 1)
    opt = torch.optim.Adam(list(attn.parameters()) + list(head.parameters()), lr=1e-3)
    for _ in range(2):
        x, y = torch.randn(2, 5, 8), torch.randn(2, 1)
        loss = F.mse_loss(head(attn(x).mean(1)), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
