from dataclasses import dataclass

import torch
import torch.nn as nn


@dataclass
class HeadConfig:
    in_ch: int = 6
    n_classes: int = 3
    prior: tuple = (1.0, 1.0, 1.0)


class Head(nn.Module):
    """1x1 projection to per-position class probabilities; subclasses hook `calibrate` (on the logits)."""

    def __init__(self, cfg: HeadConfig):
        super().__init__()
        self.cfg = cfg
        self.proj = nn.Conv1d(cfg.in_ch, cfg.n_classes, 1)

    def calibrate(self, t):
        return t

    def forward(self, feats):
        logits = self.proj(feats)
        return torch.sigmoid(self.calibrate(logits))
