import math
from dataclasses import dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass
class HeadConfig:
    dim: int = 8
    num_classes: int = 5
    scale: float = 16.0
    eps: float = 1e-6


def l2_normalize(x, dim=-1, eps=1e-6):
    inv = x.norm(p=2, dim=dim, keepdim=True).clamp(min=eps)
    inv.reciprocal_()  # L
    return x * inv


class CosineClassifier(nn.Module):
    """Cosine-softmax head (NormFace/CosFace style)."""

    def __init__(self, cfg: HeadConfig):
        super().__init__()
        self.cfg = cfg
        self.weight = nn.Parameter(torch.randn(cfg.num_classes, cfg.dim) / math.sqrt(cfg.dim))

    def forward(self, feats):
        f = l2_normalize(feats, eps=self.cfg.eps)
        w = l2_normalize(self.weight, eps=self.cfg.eps)
        return self.cfg.scale * f @ w.t()


def run():
    torch.manual_seed(0)
    cfg = HeadConfig()
    backbone = nn.Sequential(nn.Linear(6, cfg.dim), nn.SiLU(), nn.Linear(cfg.dim, cfg.dim))
    head = CosineClassifier(cfg)
    opt = torch.optim.SGD(list(backbone.parameters()) + list(head.parameters()), lr=0.05)
    for _ in range(2):
        x, y = torch.randn(7, 6), torch.randint(0, cfg.num_classes, (7,))
        loss = F.cross_entropy(head(backbone(x)), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
