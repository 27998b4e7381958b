import torch
import torch.nn as nn


class ActNorm(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.bias = nn.Parameter(torch.zeros(dim))
        self.log_scale = nn.Parameter(torch.zeros(dim))

    def forward(self, x):
        return (x + self.bias) * torch.exp(self.log_scale), self.log_scale.sum().expand(x.shape[0])


class AffineCoupling(nn.Module):
    """RealNVP coupling: the second half is scaled and shifted by functions of the first half."""

    def __init__(self, dim, hidden=16, flip=False):
        super().__init__()
        self.half = dim // 2
        self.flip = flip
        self.net = nn.Sequential(nn.Linear(self.half, hidden), nn.ReLU(), nn.Linear(hidden, 2 * (dim - self.half)))

    def forward(self, x):
        if self.flip:
            x = x.flip(-1)
        xa, xb = x[:, :self.half], x[:, self.half:]
        s, t = self.net(xa).chunk(2, dim=-1)
        s = torch.tanh(s)
        y = torch.cat([xa, xb * torch.exp(s) + t], dim=-1)
        if self.flip:
            y = y.flip(-1)
        return y, s.sum(-1)


class FlowStep(nn.Sequential):
    def forward(self, x):
        logdet = x.new_zeros(x.shape[0])
        for layer in self:
            x, ld = layer(x)
            logdet = logdet + ld
        return x, logdet
