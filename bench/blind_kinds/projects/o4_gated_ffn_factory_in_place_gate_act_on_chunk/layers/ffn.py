from dataclasses import dataclass

import torch.nn as nn

from . import acts


@dataclass(frozen=True)
class FFConfig:
    dim: int = 8
    mult: int = 2
    gate_act: str = "sigmoid"


class GatedFF(nn.Module):
    def __init__(self, cfg: FFConfig):
        super().__init__()
        hidden = cfg.dim * cfg.mult
        self.fc_in = nn.Linear(cfg.dim, 2 * hidden)
        self.fc_out = nn.Linear(hidden, cfg.dim)
        self.norm = nn.LayerNorm(cfg.dim)
        self.act = getattr(acts, cfg.gate_act)

    def forward(self, x):
        value, gate = self.fc_in(self.norm(x)).chunk(2, dim=-1)
        return x + self.fc_out(value * self.act(gate))  # L
