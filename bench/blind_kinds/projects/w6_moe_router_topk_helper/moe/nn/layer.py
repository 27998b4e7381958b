from dataclasses import dataclass

import torch
import torch.nn as nn

from ..utils.sparsify import keep_topk_, load_balance


@dataclass
class RouterConfig:
    n_experts: int = 4
    top_k: int = 2
    temperature: float = 1.0
    aux_weight: float = 0.01


class MoELayer(nn.Module):
    def __init__(self, d, cfg: RouterConfig):
        super().__init__()
        self.cfg = cfg
        self.gate = nn.Linear(d, cfg.n_experts, bias=False)
        self.experts = nn.ModuleList(
            nn.Sequential(nn.Linear(d, 2 * d), nn.GELU(), nn.Linear(2 * d, d)) for _ in range(cfg.n_experts)
        )

    def route(self, x):
        probs = torch.softmax(self.gate(x) / self.cfg.temperature, dim=-1)
        return keep_topk_(probs, self.cfg.top_k)  # L

    def forward(self, x):
        probs = self.route(x)
        out = torch.stack([e(x) for e in self.experts], dim=1)  # (B, E, d)
        y = (probs.unsqueeze(-1) * out).sum(1)
        return x + y, self.cfg.aux_weight * load_balance(probs)
