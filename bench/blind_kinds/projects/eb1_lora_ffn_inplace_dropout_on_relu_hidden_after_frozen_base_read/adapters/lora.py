import math

import torch
import torch.nn as nn


class LoRALinear(nn.Module):
    """A frozen Linear plus a trainable low-rank update, with dropout on the adapter's input."""

    def __init__(self, base: nn.Linear, cfg):
        super().__init__()
        self.base = base.requires_grad_(False)
        self.lora_A = nn.Linear(base.in_features, cfg.rank, bias=False)
        self.lora_B = nn.Linear(cfg.rank, base.out_features, bias=False)
        nn.init.kaiming_uniform_(self.lora_A.weight, a=math.sqrt(5))
        nn.init.zeros_(self.lora_B.weight)
        self.dropout = nn.Dropout(cfg.dropout, inplace=cfg.dropout_inplace)  # L
        self.scaling = cfg.scaling

    def forward(self, x):
        out = self.base(x)
        return out + self.lora_B(self.lora_A(self.dropout(x))) * self.scaling  # L

    @torch.no_grad()
    def merged_weight(self):
        return self.base.weight + self.lora_B.weight @ self.lora_A.weight * self.scaling
