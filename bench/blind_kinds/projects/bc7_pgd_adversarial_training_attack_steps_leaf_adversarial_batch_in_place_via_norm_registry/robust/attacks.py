from functools import partial

import torch
import torch.nn.functional as F

from .norms import NORMS

ATTACKS = {}


def register(name):
    def deco(cls):
        ATTACKS[name] = cls
        return cls
    return deco


@register("pgd")
class PGD:
    """Madry et al.: random start in the eps-ball, `steps` signed-gradient ascent steps."""

    def __init__(self, norm="linf", eps=8 / 255, alpha=2 / 255, steps=3):
        step, project = NORMS[norm]
        self.step = partial(step, alpha=alpha)
        self.project = partial(project, eps=eps)
        self.eps, self.steps = eps, steps

    def __call__(self, model, x, y):
        x_adv = (x + torch.empty_like(x).uniform_(-self.eps, self.eps)).clamp(0.0, 1.0)
        x_adv.requires_grad_(True)
        for _ in range(self.steps):
            loss = F.cross_entropy(model(x_adv), y)
            (grad,) = torch.autograd.grad(loss, x_adv)
            self.step(x_adv, grad)  # L
            self.project(x_adv, x)  # L
        return x_adv.detach()


def build_attack(cfg):
    cfg = dict(cfg)
    return ATTACKS[cfg.pop("name")](**cfg)
