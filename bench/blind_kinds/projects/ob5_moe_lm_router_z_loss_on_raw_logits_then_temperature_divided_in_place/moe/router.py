from dataclasses import dataclass

import torch.nn as nn

from . import ops


@dataclass
class RouterConfig:
    num_experts: int = 4
    temperature: float = 1.0
    z_loss_coef: float = 1e-3
    balance_coef: float = 1e-2
    z_loss_on: str = "scaled"  # "raw": the logits as the gate produced them


class Router(nn.Module):
    def __init__(self, dim, cfg: RouterConfig):
        super().__init__()
        self.cfg = cfg
        self.gate = nn.Linear(dim, cfg.num_experts, bias=False)
        self.last_aux = 0.0

    def forward(self, x):
        logits = self.gate(x)
        z = ops.router_z_loss(logits) if self.cfg.z_loss_on == "raw" else None
        logits = ops.apply_temperature_(logits, self.cfg.temperature)  # L
        if z is None:
            z = ops.router_z_loss(logits)
        probs = logits.softmax(-1)
        top_p, top_i = probs.max(-1)
        balance = ops.load_balance_loss(probs, top_i, self.cfg.num_experts)
        self.last_aux = self.cfg.z_loss_coef * z + self.cfg.balance_coef * balance
        return top_p, top_i
