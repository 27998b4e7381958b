"""Heteroscedastic regression with a full-covariance Gaussian head (scale_tril from a Linear)."""
import torch
import torch.nn as nn
from torch.distributions import MultivariateNormal


class CholeskyHead(nn.Module):
    def __init__(self, d_in, d_out, min_scale=1e-3):
        super().__init__()
        self.d = d_out
        self.min_scale = min_scale
        self.loc = nn.Linear(d_in, d_out)
        self.raw_tril = nn.Linear(d_in, d_out * d_out)

    def scale_tril(self, h):
        L = self.raw_tril(h).view(-1, self.d, self.d).tril()
        diag = L.diagonal(dim1=-2, dim2=-1)
        diag.copy_(nn.functional.softplus(diag) + self.min_scale)  # L
        return L

    def forward(self, h):
        return MultivariateNormal(self.loc(h), scale_tril=self.scale_tril(h))


class Regressor(nn.Module):
    def __init__(self, d_in=5, d_out=3, hidden=16):
        super().__init__()
        self.trunk = nn.Sequential(nn.Linear(d_in, hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU())
        self.head = CholeskyHead(hidden, d_out)

    def forward(self, x):
        return self.head(self.trunk(x))


def make_data(n=32, generator=None):
    x = torch.randn(n, 5, generator=generator)
    y = torch.stack([x[:, 0] + x[:, 1], x[:, 2] * 0.5, x[:, 3] - x[:, 4]], -1)
    return x, y + 0.1 * torch.randn(y.shape, generator=generator)


def run():
    torch.manual_seed(0)
    gen = torch.Generator().manual_seed(0)
    model = Regressor()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    sched = torch.optim.lr_scheduler.ExponentialLR(opt, gamma=0.95)
    for step in range(2):
        x, y = make_data(generator=gen)
        nll = -model(x).log_prob(y).mean()
        opt.zero_grad()
        nll.backward()
        opt.step()
        sched.step()
    with torch.no_grad():
        x, y = make_data(generator=gen)
        rmse = (model(x).mean - y).pow(2).mean().sqrt()
    return rmse.item()
