"""Flatten a feature pyramid into one token sequence for a shared encoder, and back."""
import torch


def flatten_levels(feats):
    shapes = [tuple(f.shape[-2:]) for f in feats]
    tokens = torch.cat([f.flatten(2).transpose(1, 2) for f in feats], dim=1)
    return tokens, shapes


def split_levels(tokens, shapes):
    return tokens.split([h * w for h, w in shapes], dim=1)


def add_level_embed_(levels, level_embed):
    # in place: the memory is the largest activation of the model
    for i, lvl in enumerate(levels):
        lvl += level_embed[i]  # L
    return levels
