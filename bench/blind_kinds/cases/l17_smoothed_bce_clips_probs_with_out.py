from typing import Dict, Tuple

import torch
import torch.nn as nn


class SmoothedBCE(nn.Module):
    """Multi-label BCE on probabilities with label smoothing; the named fields are clipped into [eps, 1 - eps]."""

    clip_fields: Tuple[str, ...] = ("probs", "target")

    def __init__(self, smoothing: float = 0.1, eps: float = 1e-4):
        super().__init__()
        self.smoothing, self.eps = smoothing, eps

    @staticmethod
    def _clip_(t: torch.Tensor, eps: float) -> torch.Tensor:
        return torch.clamp(t, eps, 1.0 - eps, out=t)  # L

    def forward(self, logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        fields: Dict[str, torch.Tensor] = {
            "probs": torch.sigmoid(logits),
            "target": target * (1.0 - self.smoothing) + 0.5 * self.smoothing,
        }
        for name in self.clip_fields:
            self._clip_(fields[name], self.eps)
        p, t = fields["probs"], fields["target"]
        return -(t * p.log() + (1.0 - t) * (1.0 - p).log()).mean()


class Tagger(nn.Module):
    def __init__(self, d_in=6, n_tags=5):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(d_in, 16), nn.GELU(), nn.Linear(16, n_tags))

    def forward(self, x):
        return self.body(x)


def run():
    torch.manual_seed(0)
    model, criterion = Tagger(), SmoothedBCE()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    x = torch.randn(8, 6)
    y = (torch.rand(8, 5) < 0.3).float()
    for _ in range(2):
        loss = criterion(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
