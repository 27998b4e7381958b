import torch.nn as nn
import torch.nn.functional as F


class DiceBCELoss(nn.Module):
    def __init__(self, smooth=1.0, bce_weight=0.5):
        super().__init__()
        self.smooth, self.bce_weight = smooth, bce_weight

    def forward(self, logits, mask):
        probs = logits.sigmoid().flatten(1)
        target = mask.flatten(1)
        inter = (probs * target).sum(1)
        dice = 1 - (2 * inter + self.smooth) / (probs.sum(1) + target.sum(1) + self.smooth)
        return self.bce_weight * F.binary_cross_entropy_with_logits(logits, mask) + dice.mean()
