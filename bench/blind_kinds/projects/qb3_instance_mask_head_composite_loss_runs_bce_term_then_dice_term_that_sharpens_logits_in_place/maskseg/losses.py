"""Mask losses as named terms, composed in the order the config lists them."""
import torch.nn as nn
import torch.nn.functional as F

from . import ops

TERMS = {}


def register(name):
    def deco(cls):
        TERMS[name] = cls
        return cls
    return deco


@register("bce")
class BCETerm(nn.Module):
    def forward(self, logits, target):
        return F.binary_cross_entropy_with_logits(logits, target)


@register("dice")
class DiceTerm(nn.Module):
    def __init__(self, temperature=0.5):
        super().__init__()
        self.temperature = temperature

    def forward(self, logits, target):
        probs = ops.sharpen_(logits, self.temperature).sigmoid()  # L
        return ops.soft_dice(probs, target)


class CompositeMaskLoss(nn.Module):
    def __init__(self, spec):
        super().__init__()
        self.names = [name for name, _ in spec]
        self.weights = dict(spec)
        self.terms = nn.ModuleDict({name: TERMS[name]() for name in self.names})

    def forward(self, logits, target):
        total = 0.0
        for name in self.names:
            total = total + self.weights[name] * self.terms[name](logits, target)  # L
        return total
