import torch
import torch.nn as nn


class AffineCoupling(nn.Module):
    def __init__(self, dim, mask, hidden=16):
        super().__init__()
        self.register_buffer("mask", mask)
        self.net = nn.Sequential(nn.Linear(dim, hidden), nn.ReLU(), nn.Linear(hidden, 2 * dim))

    def forward(self, x):
        s, t = self.net(x * self.mask).chunk(2, dim=1)
        s = torch.tanh(s) * (1 - self.mask)
        y = x * self.mask + (1 - self.mask) * (x * s.exp() + t)
        return y, s.sum(1)


class CouplingFlow(nn.Module):
    def __init__(self, dim, n_layers=3):
        super().__init__()
        masks = [(torch.arange(dim) + i) % 2 for i in range(n_layers)]
        self.layers = nn.ModuleList(AffineCoupling(dim, m.float()) for m in masks)

    def forward(self, x):
        logdet = torch.zeros(x.shape[0])
        for layer in self.layers:
            x, ld = layer(x)
            logdet = logdet + ld
        log_pz = -0.5 * (x**2 + torch.log(torch.tensor(2 * torch.pi))).sum(1)
        return log_pz + logdet
