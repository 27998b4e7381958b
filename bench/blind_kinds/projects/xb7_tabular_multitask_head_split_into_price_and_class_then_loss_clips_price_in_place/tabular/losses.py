import torch.nn as nn
import torch.nn.functional as F

from .utils import clip_to_range_


class MultiTaskLoss(nn.Module):
    def __init__(self, price_bounds, weights=(1.0, 0.5)):
        super().__init__()
        self.price_bounds = price_bounds
        self.w_reg, self.w_cls = weights

    def forward(self, out, price, label):
        pred = clip_to_range_(out["price"], self.price_bounds)  # L
        reg = F.smooth_l1_loss(pred, price)
        cls = F.cross_entropy(out["logits"], label)
        return self.w_reg * reg + self.w_cls * cls
