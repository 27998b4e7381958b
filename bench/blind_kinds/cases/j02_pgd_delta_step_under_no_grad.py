from dataclasses import dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass
class PGDConfig:
    eps: float = 8 / 255
    alpha: float = 2 / 255
    steps: int = 3
    random_start: bool = True


class PGD:
    """Madry-style L-inf PGD; the step is taken with autograd off."""

    def __init__(self, model, cfg: PGDConfig):
        self.model, self.cfg = model, cfg

    def _init_delta(self, x):
        delta = torch.zeros_like(x)
        if self.cfg.random_start:
            delta.uniform_(-self.cfg.eps, self.cfg.eps)
        return delta.requires_grad_(True)

    def perturb(self, x, y):
        cfg = self.cfg
        delta = self._init_delta(x)
        for _ in range(cfg.steps):
            loss = F.cross_entropy(self.model(x + delta), y)
            (grad,) = torch.autograd.grad(loss, delta)
            with torch.no_grad():
                delta.add_(cfg.alpha * grad.sign()).clamp_(-cfg.eps, cfg.eps)  # L
        return (x + delta).clamp(0, 1).detach()


def run():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Flatten(), nn.Linear(12, 16), nn.ReLU(), nn.Linear(16, 3))
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    x, y = torch.rand(4, 3, 2, 2), torch.randint(0, 3, (4,))
    x_adv = PGD(model, PGDConfig()).perturb(x, y)
    loss = F.cross_entropy(model(x_adv), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
