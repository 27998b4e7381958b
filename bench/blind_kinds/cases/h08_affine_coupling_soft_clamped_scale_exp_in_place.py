import torch
import torch.nn as nn


class AffineCoupling(nn.Module):
    """RealNVP coupling: y2 = x2 * exp(s(x1)) + t(x1), log-scale soft-clamped as in Glow."""

    def __init__(self, dim=4, hidden=16, clamp=2.0):
        super().__init__()
        self.clamp = clamp
        self.net = nn.Sequential(nn.Linear(dim // 2, hidden), nn.ReLU(), nn.Linear(hidden, dim))

    def forward(self, x, log_det):
        x1, x2 = x.chunk(2, dim=1)
        raw_s, t = self.net(x1).chunk(2, dim=1)
        s = self.clamp * torch.tanh(raw_s / self.clamp)
        log_det += s.sum(dim=1)  # L
        y2 = x2 * s.exp_() + t  # L
        return torch.cat([x1, y2], dim=1), log_det


class Flow(nn.Module):
    def __init__(self, dim=4, n_layers=3):
        super().__init__()
        self.layers = nn.ModuleList(AffineCoupling(dim) for _ in range(n_layers))

    def forward(self, x):
        log_det = torch.zeros(x.shape[0])
        for layer in self.layers:
            x, log_det = layer(x, log_det)
            x = x.flip(1)
        return x, log_det


def run():
    torch.manual_seed(0)
    flow = Flow()
    opt = torch.optim.Adam(flow.parameters(), lr=1e-3)
    x = torch.randn(16, 4)
    z, log_det = flow(x)
    nll = (0.5 * z.pow(2).sum(1) - log_det).mean()
    opt.zero_grad()
    nll.backward()
    opt.step()
