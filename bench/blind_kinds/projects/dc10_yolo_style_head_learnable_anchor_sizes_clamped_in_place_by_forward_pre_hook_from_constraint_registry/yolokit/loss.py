import torch
import torch.nn.functional as F


def box_loss(boxes, obj_logits, gt):
    """Each image's single ground-truth box is matched to the prediction of highest IoU."""
    lt = torch.max(boxes[..., :2], gt[:, None, None, None, :2])
    rb = torch.min(boxes[..., 2:], gt[:, None, None, None, 2:])
    inter = (rb - lt).clamp(min=0).prod(-1)
    area = (boxes[..., 2:] - boxes[..., :2]).prod(-1)
    gt_area = (gt[:, 2:] - gt[:, :2]).prod(-1)[:, None, None, None]
    iou = inter / (area + gt_area - inter + 1e-7)
    flat = iou.flatten(1)
    best = flat.argmax(1)
    obj_target = torch.zeros_like(flat)
    obj_target[torch.arange(flat.size(0)), best] = 1.0
    matched = flat.gather(1, best[:, None])
    return (1 - matched).mean() + F.binary_cross_entropy_with_logits(obj_logits.flatten(1), obj_target)
