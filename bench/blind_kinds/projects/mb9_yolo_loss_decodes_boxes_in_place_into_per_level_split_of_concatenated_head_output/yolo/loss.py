import torch
import torch.nn as nn
import torch.nn.functional as F

from .decode import decode_level_, make_grid


class YoloLoss(nn.Module):
    def __init__(self, anchors, strides, box_weight=0.05, obj_weight=1.0):
        super().__init__()
        self.register_buffer("anchors", torch.tensor(anchors, dtype=torch.float32))  # (L, A, 2)
        self.strides = strides
        self.box_weight, self.obj_weight = box_weight, obj_weight

    def forward(self, pred, level_shapes, targets):
        """targets: (B, N, 5 + C) with pixel xywh per prediction slot (dense toy targets)."""
        na = self.anchors.shape[1]
        sizes = [na * h * w for h, w in level_shapes]
        box_loss = obj_loss = 0.0
        levels = pred.split(sizes, dim=1)
        target_levels = targets.split(sizes, dim=1)
        for i, (p, t, (h, w)) in enumerate(zip(levels, target_levels, level_shapes)):
            anchor_wh = self.anchors[i].repeat_interleave(h * w, dim=0)[None]
            boxes = decode_level_(p, make_grid(h, w, na), anchor_wh, self.strides[i])  # L
            box_loss = box_loss + F.smooth_l1_loss(boxes[..., :4] / self.strides[i], t[..., :4] / self.strides[i])
            obj_loss = obj_loss + F.binary_cross_entropy_with_logits(boxes[..., 4], t[..., 4])
        return self.box_weight * box_loss + self.obj_weight * obj_loss
