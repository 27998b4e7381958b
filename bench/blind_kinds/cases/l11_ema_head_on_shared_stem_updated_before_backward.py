import copy
from dataclasses import dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass(frozen=True)
class DistillConfig:
    base_decay: float = 0.99
    warmup: int = 3
    consistency: float = 1.0
    steps: int = 3


class EMAHead:
    """Exponential moving average of a head; the decay warms up from 0 over the first updates."""

    def __init__(self, module: nn.Module, cfg: DistillConfig):
        self.module = module
        self.cfg = cfg
        self.updates = 0

    @classmethod
    def from_model(cls, head: nn.Module, cfg: DistillConfig) -> "EMAHead":
        return cls(copy.deepcopy(head).requires_grad_(False), cfg)

    @property
    def decay(self) -> float:
        return self.cfg.base_decay * min(1.0, self.updates / self.cfg.warmup)

    @torch.no_grad()
    def update(self, head: nn.Module):
        d = self.decay
        for ema_p, p in zip(self.module.parameters(), head.parameters()):
            ema_p.mul_(d).add_(p, alpha=1.0 - d)  # L
        self.updates += 1

    def __call__(self, feats):
        return self.module(feats)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(nn.Linear(6, 12), nn.ReLU())
        self.head = nn.Linear(12, 4)

    def forward(self, x):
        feats = self.stem(x)
        return feats, self.head(feats)


def train(cfg=DistillConfig()):
    torch.manual_seed(0)
    net = Net()
    teacher = EMAHead.from_model(net.head, cfg)
    opt = torch.optim.SGD(net.parameters(), lr=0.05)
    for step in range(cfg.steps):
        x, y = torch.randn(8, 6), torch.randint(0, 4, (8,))
        feats, logits = net(x)
        target = teacher(feats).softmax(-1)
        loss = F.cross_entropy(logits, y) + cfg.consistency * F.mse_loss(logits.softmax(-1), target)
        teacher.update(net.head)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()


def run():
    train()
