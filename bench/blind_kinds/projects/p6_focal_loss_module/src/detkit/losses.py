import torch


def sigmoid_focal_loss(logits, targets, gamma=2.0):
    p = logits.sigmoid()
    pt = p
    pt[targets == 0] = 1 - p[targets == 0]  # L
    return (-(1 - pt) ** gamma * pt.clamp_min(1e-6).log()).mean()
