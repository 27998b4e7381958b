"""Hyperbolic (Poincare ball) embeddings: an encoder's tangent vectors mapped onto the ball by expmap0."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def expmap0_(v, c=1.0, eps=1e-5):
    """exp_0(v) = tanh(sqrt(c)|v|) v / (sqrt(c)|v|): the product is fresh, divided in place."""
    sqrt_c = c ** 0.5
    norm = v.norm(dim=-1, keepdim=True).clamp_min(eps)
    out = torch.tanh(sqrt_c * norm) * v
    return out.div_(sqrt_c * norm)  # L


def poincare_dist(x, y, c=1.0):
    diff = (x - y).pow(2).sum(-1)
    denom = (1 - c * x.pow(2).sum(-1)) * (1 - c * y.pow(2).sum(-1))
    return torch.acosh(1 + 2 * c * diff / denom.clamp_min(1e-5))


class HypEncoder(nn.Module):
    def __init__(self, d_in=5, d_hyp=3):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(d_in, 8), nn.ReLU(), nn.Linear(8, d_hyp))

    def forward(self, x):
        return expmap0_(self.net(x) * 0.3)  # L


def run():
    torch.manual_seed(0)
    enc = HypEncoder()
    opt = torch.optim.Adam(enc.parameters(), lr=1e-2)
    for _ in range(2):
        anchor, pos, neg = torch.randn(3, 6, 5).unbind(0)
        za, zp, zn = enc(anchor), enc(pos), enc(neg)
        loss = F.relu(poincare_dist(za, zp) - poincare_dist(za, zn) + 0.5).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
