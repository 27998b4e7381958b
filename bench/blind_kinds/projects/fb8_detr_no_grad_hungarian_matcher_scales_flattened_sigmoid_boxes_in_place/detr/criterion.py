import torch
import torch.nn as nn
import torch.nn.functional as F

from .box_ops import generalized_box_iou


class SetCriterion(nn.Module):
    def __init__(self, num_classes, matcher, eos_coef, bbox, giou):
        super().__init__()
        self.num_classes, self.matcher = num_classes, matcher
        self.w_bbox, self.w_giou = bbox, giou
        weight = torch.ones(num_classes + 1)
        weight[-1] = eos_coef
        self.register_buffer("empty_weight", weight)

    def forward(self, outputs, targets):
        indices = self.matcher(outputs, targets)  # L
        batch_idx = torch.cat([torch.full_like(src, i) for i, (src, _) in enumerate(indices)])
        src_idx = torch.cat([src for src, _ in indices])
        target_classes = torch.full(outputs["pred_logits"].shape[:2], self.num_classes)
        target_classes[batch_idx, src_idx] = torch.cat([t["labels"][j] for t, (_, j) in zip(targets, indices)])
        loss_ce = F.cross_entropy(outputs["pred_logits"].transpose(1, 2), target_classes, self.empty_weight)
        src_boxes = outputs["pred_boxes"][batch_idx, src_idx]
        tgt_boxes = torch.cat([t["boxes"][j] for t, (_, j) in zip(targets, indices)])
        n = max(len(tgt_boxes), 1)
        loss_bbox = F.l1_loss(src_boxes, tgt_boxes, reduction="sum") / n
        loss_giou = (1 - torch.diag(generalized_box_iou(src_boxes, tgt_boxes))).sum() / n
        return loss_ce + self.w_bbox * loss_bbox + self.w_giou * loss_giou
