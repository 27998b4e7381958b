from dataclasses import dataclass

import torch
import torch.nn as nn

from . import ops


@dataclass
class HeadConfig:
    n_classes: int = 4
    temperature: float = 0.1


class PrototypeHead(nn.Module):
    """Cosine classifier: normalised embeddings against normalised class prototypes."""

    def __init__(self, dim, cfg: HeadConfig):
        super().__init__()
        self.cfg = cfg
        self.prototypes = nn.Parameter(torch.randn(cfg.n_classes, dim))

    def forward(self, z):
        z = ops.l2norm_(z)  # L
        protos = ops.l2norm(self.prototypes)
        return z @ protos.t() / self.cfg.temperature
