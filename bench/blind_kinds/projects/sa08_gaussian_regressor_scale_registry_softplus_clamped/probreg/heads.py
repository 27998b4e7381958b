from dataclasses import dataclass

import torch.nn as nn

from .positivity import positive_scale


@dataclass
class HeadConfig:
    scale_fn: str = "softplus"
    min_scale: float = 1e-3
    out_dim: int = 1


class GaussianHead(nn.Module):
    """Predicts the mean and the scale of a diagonal Gaussian."""

    def __init__(self, in_dim, cfg: HeadConfig):
        super().__init__()
        self.cfg = cfg
        self.proj = nn.Linear(in_dim, 2 * cfg.out_dim)

    def forward(self, h):
        mu, raw = self.proj(h).chunk(2, dim=-1)
        scale = positive_scale(raw, self.cfg.scale_fn, self.cfg.min_scale)  # L
        return mu, scale
