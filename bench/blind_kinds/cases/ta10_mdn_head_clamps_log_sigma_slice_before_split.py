"""Mixture density network (Bishop): one Linear emits mixture logits, means and log-scales, split by sizes (the log-scales clamped on a slice before the split)."""
import math

import torch
import torch.nn as nn


class MDNHead(nn.Module):
    def __init__(self, d_in, d_out, n_comp, log_sigma_range=(-5.0, 3.0)):
        super().__init__()
        self.k, self.d = n_comp, d_out
        self.sizes = [n_comp, n_comp * d_out, n_comp * d_out]
        self.proj = nn.Linear(d_in, sum(self.sizes))
        self.lo, self.hi = log_sigma_range

    def forward(self, h):
        out = self.proj(h)
        out[:, -self.sizes[-1]:].clamp_(self.lo, self.hi)  # L
        logit_pi, mu, log_sigma = out.split(self.sizes, dim=-1)
        shape = (h.shape[0], self.k, self.d)
        return logit_pi, mu.view(shape), log_sigma.view(shape)


def mdn_nll(logit_pi, mu, log_sigma, y):
    z = (y.unsqueeze(1) - mu) * torch.exp(-log_sigma)
    comp = -0.5 * z.pow(2).sum(-1) - log_sigma.sum(-1) - 0.5 * mu.shape[-1] * math.log(2 * math.pi)
    return -torch.logsumexp(torch.log_softmax(logit_pi, -1) + comp, dim=-1).mean()


def run():
    torch.manual_seed(0)
    body = nn.Sequential(nn.Linear(3, 16), nn.Tanh())
    head = MDNHead(16, 2, n_comp=3)
    params = list(body.parameters()) + list(head.parameters())
    opt = torch.optim.Adam(params, lr=1e-2)
    for _ in range(2):
        x = torch.randn(10, 3)
        y = torch.stack([x[:, 0].sin(), x[:, 1] * x[:, 2]], 1)
        loss = mdn_nll(*head(body(x)), y)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
