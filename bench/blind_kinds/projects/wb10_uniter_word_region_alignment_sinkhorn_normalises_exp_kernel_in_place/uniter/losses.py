import torch
import torch.nn.functional as F

from .ot import sinkhorn_plan


def ot_distance(words, regions):
    cost = 1 - F.normalize(words, dim=-1) @ F.normalize(regions, dim=-1).transpose(1, 2)
    plan = sinkhorn_plan(cost)  # L
    return (cost * plan).sum((1, 2))


def wra_loss(words_pos, regions_pos, words_neg, regions_neg, margin=0.2):
    """Word-region alignment: matched pairs should be closer in OT distance than mismatched."""
    d_pos = ot_distance(words_pos, regions_pos)  # L
    d_neg = ot_distance(words_neg, regions_neg)  # L
    return F.relu(margin + d_pos - d_neg).mean() + d_pos.mean()
