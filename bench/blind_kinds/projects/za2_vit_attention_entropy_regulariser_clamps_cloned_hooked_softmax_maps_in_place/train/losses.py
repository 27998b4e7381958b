"""Attention-entropy regulariser: pushes heads toward sharper (or flatter) attention."""
import torch


def attention_entropy(maps, eps=1e-8):
    total = 0.0
    for p in maps.values():
        p.clamp_(min=eps)  # L
        total = total + (-(p * p.log()).sum(-1)).mean()
    return total / max(len(maps), 1)


REGULARISERS = {"entropy": attention_entropy}


def build_regulariser(name):
    return REGULARISERS[name]
