"""DoRA (weight-decomposed low-rank adaptation): the adapted weight W0 + s * B @ A is split into a
learned magnitude and a direction; the direction is normalised in place by its own row norm, which
is kept in the graph (the paper detaches it)."""
from dataclasses import dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass
class DoRAConfig:
    rank: int = 2
    alpha: float = 4.0
    targets: tuple = ("q", "v")


class DoRALinear(nn.Module):
    def __init__(self, base: nn.Linear, cfg: DoRAConfig):
        super().__init__()
        self.base = base.requires_grad_(False)
        self.scaling = cfg.alpha / cfg.rank
        self.lora_A = nn.Parameter(torch.randn(cfg.rank, base.in_features) * 0.1)
        self.lora_B = nn.Parameter(torch.zeros(base.out_features, cfg.rank))
        self.magnitude = nn.Parameter(base.weight.detach().norm(dim=1, keepdim=True).clone())

    def direction(self):
        combined = self.base.weight + self.scaling * (self.lora_B @ self.lora_A)
        norm = combined.norm(p=2, dim=1, keepdim=True)
        return combined.div_(norm)  # L

    def forward(self, x):
        return F.linear(x, self.magnitude * self.direction(), self.base.bias)  # L


class TinyAttention(nn.Module):
    def __init__(self, d=8):
        super().__init__()
        self.q, self.k, self.v, self.o = (nn.Linear(d, d) for _ in range(4))

    def forward(self, x):
        att = (self.q(x) @ self.k(x).transpose(-2, -1) / 8 ** 0.5).softmax(-1)
        return self.o(att @ self.v(x))


def add_dora(model, cfg):
    for name in cfg.targets:
        setattr(model, name, DoRALinear(getattr(model, name), cfg))
    return model


def run():
    torch.manual_seed(0)
    model = add_dora(TinyAttention(), DoRAConfig())
    opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=1e-2)
    for _ in range(2):
        x = torch.randn(2, 5, 8)
        loss = (model(x) - x).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
