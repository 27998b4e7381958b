"""MoCo v3 style symmetric loss: both views go through the online encoder and predictor in one
batch, the queries are separated with chunk and each is scaled to unit length in place
(by a detached norm, as a cheap normalisation) before the InfoNCE against the other view's key."""
import copy

import torch
import torch.nn as nn
import torch.nn.functional as F


def unit_(t):
    with torch.no_grad():
        n = t.norm(dim=1, keepdim=True).clamp_min(1e-6)
    return t.div_(n)  # L


def split_views(q):
    return q.chunk(2)


def info_nce(q, k, tau=0.2):
    logits = q @ k.t() / tau
    return F.cross_entropy(logits, torch.arange(len(q)))


def run():
    torch.manual_seed(0)
    base = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 8))
    predictor = nn.Sequential(nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 8))
    momentum = copy.deepcopy(base).requires_grad_(False)
    opt = torch.optim.SGD(list(base.parameters()) + list(predictor.parameters()), lr=0.05)
    for _ in range(2):
        x1, x2 = torch.randn(4, 6), torch.randn(4, 6)
        q1, q2 = split_views(predictor(base(torch.cat([x1, x2]))))
        q1, q2 = unit_(q1), unit_(q2)  # L
        with torch.no_grad():
            k1, k2 = F.normalize(momentum(x1), dim=1), F.normalize(momentum(x2), dim=1)
        loss = info_nce(q1, k2) + info_nce(q2, k1)
        opt.zero_grad()
        loss.backward()
        opt.step()
        with torch.no_grad():
            for pm, pb in zip(momentum.parameters(), base.parameters()):
                pm.mul_(0.99).add_(pb, alpha=0.01)
