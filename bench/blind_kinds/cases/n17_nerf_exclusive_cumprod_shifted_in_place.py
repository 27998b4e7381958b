"""A toy NeRF: an MLP gives density and colour at samples along each ray, and volume rendering
composites them with the transmittance, an *exclusive* cumulative product.

``exclusive_cumprod`` shifts ``torch.cumprod``'s result one step right in place; ``cumprod``
saved that result for its own backward.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


def exclusive_cumprod(x):
    out = torch.cumprod(x, dim=-1)
    out[..., 1:] = out[..., :-1].clone()  # L
    out[..., 0] = 1.0  # L
    return out


class RadianceField(nn.Module):
    def __init__(self, hidden=16):
        super().__init__()
        self.trunk = nn.Sequential(nn.Linear(3, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU())
        self.sigma = nn.Linear(hidden, 1)
        self.rgb = nn.Sequential(nn.Linear(hidden, 3), nn.Sigmoid())

    def forward(self, pts):
        h = self.trunk(pts)
        return F.softplus(self.sigma(h)).squeeze(-1), self.rgb(h)


def render(field, origins, dirs, near=0.5, far=2.0, samples=6):
    t = torch.linspace(near, far, samples).expand(origins.size(0), samples)
    pts = origins[:, None, :] + dirs[:, None, :] * t[..., None]
    sigma, rgb = field(pts)
    delta = torch.cat([t[:, 1:] - t[:, :-1], torch.full_like(t[:, :1], 1e3)], dim=-1)
    alpha = 1.0 - torch.exp(-sigma * delta)
    weights = alpha * exclusive_cumprod(1.0 - alpha + 1e-10)  # L
    return (weights[..., None] * rgb).sum(-2)


def run():
    torch.manual_seed(0)
    field = RadianceField()
    opt = torch.optim.Adam(field.parameters(), lr=5e-3)
    sched = torch.optim.lr_scheduler.ExponentialLR(opt, gamma=0.9)
    for _ in range(2):
        origins, dirs = torch.zeros(4, 3), F.normalize(torch.randn(4, 3), dim=-1)
        target = torch.rand(4, 3)
        loss = F.mse_loss(render(field, origins, dirs), target)
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
