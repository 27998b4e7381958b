import torch
import torch.nn.functional as F


def focal_loss(pred, gt, alpha=2, beta=4):
    pos = gt.eq(1).float()
    neg = 1 - pos
    pos_loss = torch.log(pred) * (1 - pred) ** alpha * pos
    neg_loss = torch.log(1 - pred) * pred ** alpha * (1 - gt) ** beta * neg
    n_pos = pos.sum().clamp(min=1)
    return -(pos_loss.sum() + neg_loss.sum()) / n_pos


def centernet_loss(out, target, wh_weight=0.1):
    mask = target["mask"][:, None]
    hm = focal_loss(out["hm"], target["hm"])
    wh = F.l1_loss(out["wh"] * mask, target["wh"] * mask, reduction="sum") / mask.sum().clamp(min=1)
    reg = F.l1_loss(out["reg"] * mask, target["reg"] * mask, reduction="sum") / mask.sum().clamp(min=1)
    return hm + wh_weight * wh + reg
