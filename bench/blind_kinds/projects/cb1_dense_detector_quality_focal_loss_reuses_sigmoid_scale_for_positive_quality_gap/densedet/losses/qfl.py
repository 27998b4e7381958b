"""Quality focal loss (Li et al., GFL): BCE against an IoU-valued target, modulated by
|target - sigmoid(pred)|**beta."""
import torch
import torch.nn as nn
import torch.nn.functional as F

from . import register_loss
from .utils import fill_positive_scale_, positive_index


@register_loss("qfl")
class QualityFocalLoss(nn.Module):
    def __init__(self, beta=2.0, detach_scale=False, loss_weight=1.0):
        super().__init__()
        self.beta = beta
        self.detach_scale = detach_scale
        self.loss_weight = loss_weight

    def forward(self, pred, labels, quality):
        num_classes = pred.shape[1]
        scale = (pred.detach() if self.detach_scale else pred).sigmoid()
        loss = F.binary_cross_entropy_with_logits(pred, torch.zeros_like(pred), reduction="none")
        loss = loss * scale.pow(self.beta)
        pos, pos_labels = positive_index(labels, num_classes)
        fill_positive_scale_(scale, pos, pos_labels, quality[pos])  # L
        pos_pred = pred[pos, pos_labels]
        loss[pos, pos_labels] = F.binary_cross_entropy_with_logits(
            pos_pred, quality[pos], reduction="none") * scale[pos, pos_labels].pow(self.beta)
        return self.loss_weight * loss.sum() / max(1, len(pos))
