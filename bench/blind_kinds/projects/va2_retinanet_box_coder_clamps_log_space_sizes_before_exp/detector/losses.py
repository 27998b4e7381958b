import torch
import torch.nn.functional as F

from .box_coder import BoxCoder


def sigmoid_focal_loss(logits, targets, alpha=0.25, gamma=2.0):
    p = torch.sigmoid(logits)
    ce = F.binary_cross_entropy_with_logits(logits, targets, reduction="none")
    p_t = p * targets + (1 - p) * (1 - targets)
    a_t = alpha * targets + (1 - alpha) * (1 - targets)
    return (a_t * ce * (1 - p_t) ** gamma).sum()


def giou_loss(pred, gt, eps=1e-7):
    lt = torch.max(pred[:, :2], gt[:, :2])
    rb = torch.min(pred[:, 2:], gt[:, 2:])
    inter = (rb - lt).clamp(min=0).prod(1)
    area_p = (pred[:, 2:] - pred[:, :2]).prod(1)
    area_g = (gt[:, 2:] - gt[:, :2]).prod(1)
    union = area_p + area_g - inter
    hull = (torch.max(pred[:, 2:], gt[:, 2:]) - torch.min(pred[:, :2], gt[:, :2])).prod(1)
    giou = inter / (union + eps) - (hull - union) / (hull + eps)
    return (1 - giou).mean()


class DetectionLoss:
    """Focal loss on every anchor, GIoU on the decoded boxes of the positive anchors."""

    def __init__(self, coder=None, box_weight=1.0):
        self.coder = coder or BoxCoder()
        self.box_weight = box_weight

    def __call__(self, cls, box, anchors, targets):
        loss = 0.0
        for i, (labels, gt_boxes) in enumerate(targets):
            onehot = torch.zeros_like(cls[i])
            pos = labels >= 0
            onehot[pos, labels[pos]] = 1.0
            loss = loss + sigmoid_focal_loss(cls[i], onehot) / pos.sum().clamp(min=1)
            pred = self.coder.decode(box[i][pos], anchors[pos])  # L
            loss = loss + self.box_weight * giou_loss(pred, gt_boxes[pos])
        return loss / len(targets)
