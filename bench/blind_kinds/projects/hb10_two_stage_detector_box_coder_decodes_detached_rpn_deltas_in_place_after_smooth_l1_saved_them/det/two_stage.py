import torch
import torch.nn as nn
import torch.nn.functional as F


def weighted_smooth_l1(pred, target, weight):
    per_box = F.smooth_l1_loss(pred, target, reduction="none", beta=1.0 / 9).sum(-1)
    return (per_box * weight).sum() / weight.sum().clamp(min=1.0)


class TwoStageDetector(nn.Module):
    """A toy two-stage detector over precomputed anchor features: the RPN scores and regresses each
    anchor, the second stage refines the (detached) proposals."""

    def __init__(self, d_feat, box_coder, hidden=32):
        super().__init__()
        self.coder = box_coder
        self.trunk = nn.Sequential(nn.Linear(d_feat, hidden), nn.ReLU())
        self.rpn_obj, self.rpn_reg = nn.Linear(hidden, 1), nn.Linear(hidden, 4)
        self.roi = nn.Sequential(nn.Linear(hidden + 4, hidden), nn.ReLU(), nn.Linear(hidden, 5))

    def forward(self, feats, anchors, gt_boxes, labels):
        h = self.trunk(feats)
        obj, deltas = self.rpn_obj(h).squeeze(1), self.rpn_reg(h)
        pos = labels.float()
        rpn_loss = (F.binary_cross_entropy_with_logits(obj, pos)
                    + weighted_smooth_l1(deltas, self.coder.encode(gt_boxes, anchors), pos))
        proposals = self.coder.decode(deltas.detach(), anchors)  # L
        out = self.roi(torch.cat([h, proposals / 64.0], dim=1))
        roi_loss = (F.binary_cross_entropy_with_logits(out[:, 0], pos)
                    + weighted_smooth_l1(out[:, 1:], self.coder.encode(gt_boxes, proposals), pos))
        return rpn_loss + roi_loss
