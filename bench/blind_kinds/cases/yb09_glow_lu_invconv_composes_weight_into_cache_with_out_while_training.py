"""Glow's invertible 1x1 convolution with the LU parameterisation (W = P L (U + diag(sign * exp(s)))).
The composed weight is written into a cached buffer with out= so that sampling does not reallocate it;
the cache is used whenever it is enabled, training included."""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class InvConvLU(nn.Module):
    def __init__(self, channels, cache_in_training=True):
        super().__init__()
        q, _ = torch.linalg.qr(torch.randn(channels, channels))
        p, lower, upper = torch.linalg.lu(q)
        s = torch.diagonal(upper)
        self.register_buffer("w_p", p)
        self.register_buffer("s_sign", torch.sign(s))
        self.register_buffer("l_mask", torch.tril(torch.ones(channels, channels), -1))
        self.register_buffer("eye", torch.eye(channels))
        self.register_buffer("w_cache", torch.empty(channels, channels))
        self.w_l = nn.Parameter(lower)
        self.w_u = nn.Parameter(torch.triu(upper, 1))
        self.w_s = nn.Parameter(torch.log(torch.abs(s)))
        self.cache_in_training = cache_in_training

    def use_cache(self):
        return self.cache_in_training or not torch.is_grad_enabled()

    def weight(self):
        lower = self.w_l * self.l_mask + self.eye
        upper = self.w_u * self.l_mask.t() + torch.diag(self.s_sign * torch.exp(self.w_s))
        if self.use_cache():
            return torch.matmul(self.w_p, lower @ upper, out=self.w_cache)  # L
        return self.w_p @ (lower @ upper)

    def forward(self, x):
        c, h, w = x.shape[1:]
        out = F.conv2d(x, self.weight().view(c, c, 1, 1))
        return out, h * w * self.w_s.sum()


class TinyFlow(nn.Module):
    def __init__(self, channels=4, depth=2):
        super().__init__()
        self.convs = nn.ModuleList(InvConvLU(channels) for _ in range(depth))
        self.scales = nn.ParameterList(nn.Parameter(torch.zeros(1, channels, 1, 1)) for _ in range(depth))

    def forward(self, x):
        logdet = 0.0
        for conv, scale in zip(self.convs, self.scales):
            x, ld = conv(x)
            x = x * scale.exp()
            logdet = logdet + ld + x.shape[2] * x.shape[3] * scale.sum()
        return x, logdet


def nll(flow, x):
    z, logdet = flow(x)
    log_pz = -0.5 * (z**2 + np.log(2 * np.pi)).flatten(1).sum(1)
    return -(log_pz + logdet).mean()


def run():
    torch.manual_seed(0)
    flow = TinyFlow()
    opt = torch.optim.Adam(flow.parameters(), lr=1e-3)
    for _ in range(2):
        loss = nll(flow, torch.randn(3, 4, 5, 5))
        opt.zero_grad()
        loss.backward()
        opt.step()
    with torch.no_grad():
        nll(flow, torch.randn(3, 4, 5, 5))
