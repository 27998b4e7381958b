"""Weight constraints as torch parametrizations, looked up by name."""
import torch.nn as nn


class NonNegative(nn.Module):
    """Keeps a weight elementwise >= 0 (the z-path of an input-convex network)."""

    def forward(self, w):
        return w.clamp_(min=0.0)  # L


class UnitRowNorm(nn.Module):
    def __init__(self, eps=1e-6):
        super().__init__()
        self.eps = eps

    def forward(self, w):
        return w / w.norm(dim=1, keepdim=True).clamp(min=self.eps)


CONSTRAINTS = {
    "nonneg": NonNegative,
    "unit_rows": UnitRowNorm,
}
