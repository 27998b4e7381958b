import torch
import torch.nn.functional as F

from .boxes import distance2bbox, giou, grid_points


class DenseLoss:
    """Sigmoid cross-entropy classification plus GIoU on the points that fall inside a ground-truth box
    (centre sampling left out)."""

    def __init__(self, strides, image_size):
        self.strides, self.image_size = strides, image_size

    def __call__(self, outs, gt_box, gt_cls):
        cls_loss, box_loss = 0.0, 0.0
        for (cls_logits, dist), stride in zip(outs, self.strides):
            n, h, w, c = cls_logits.shape
            points = grid_points(h, w, stride).expand(n, h, w, 2)
            boxes = distance2bbox(points, dist, stride, self.image_size)  # L
            inside = ((points >= gt_box[:, None, None, :2]) & (points <= gt_box[:, None, None, 2:])).all(-1)
            target = torch.zeros_like(cls_logits)
            target[inside] = F.one_hot(gt_cls, c).float()[:, None, None].expand(n, h, w, c)[inside]
            cls_loss = cls_loss + F.binary_cross_entropy_with_logits(cls_logits, target)
            if inside.any():
                g = giou(boxes[inside], gt_box[:, None, None].expand(n, h, w, 4)[inside])
                box_loss = box_loss + (1 - g).mean()
        return cls_loss + box_loss
