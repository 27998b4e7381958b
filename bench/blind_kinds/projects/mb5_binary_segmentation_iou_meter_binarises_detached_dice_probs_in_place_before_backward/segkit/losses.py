import torch
import torch.nn as nn
import torch.nn.functional as F


class DiceBCELoss(nn.Module):
    """BCE on the logits plus soft Dice on the probabilities; keeps the probabilities for metrics."""

    def __init__(self, smooth=1.0, dice_weight=1.0):
        super().__init__()
        self.smooth, self.dice_weight = smooth, dice_weight
        self.last_probs = None

    def forward(self, logits, target):
        probs = torch.sigmoid(logits)
        inter = (probs * target).sum((1, 2, 3))
        total = probs.sum((1, 2, 3)) + target.sum((1, 2, 3))
        dice = 1 - (2 * inter + self.smooth) / (total + self.smooth)
        # detached: the metrics must not add to the graph
        self.last_probs = probs.detach()
        return F.binary_cross_entropy_with_logits(logits, target) + self.dice_weight * dice.mean()
