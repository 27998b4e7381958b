import torch

from .skeleton import soft_skel


def soft_dice(pred, target, smooth=1.0):
    inter = (pred * target).sum()
    return 1 - (2 * inter + smooth) / (pred.sum() + target.sum() + smooth)


class SoftClDice:
    """Dice plus the topology term: precision of the predicted skeleton inside the mask and
    sensitivity of the true skeleton inside the prediction."""

    def __init__(self, iters=3, alpha=0.5, smooth=1.0):
        self.iters, self.alpha, self.smooth = iters, alpha, smooth

    def __call__(self, pred, target):
        skel_pred = soft_skel(pred, self.iters)  # L
        skel_true = soft_skel(target, self.iters)
        tprec = ((skel_pred * target).sum() + self.smooth) / (skel_pred.sum() + self.smooth)
        tsens = ((skel_true * pred).sum() + self.smooth) / (skel_true.sum() + self.smooth)
        cl_dice = 1 - 2 * tprec * tsens / (tprec + tsens)
        return (1 - self.alpha) * soft_dice(pred, target) + self.alpha * cl_dice


LOSSES = {"dice": lambda **kw: soft_dice, "cldice": SoftClDice}


def build_loss(cfg):
    return LOSSES[cfg["name"]](**cfg.get("kwargs", {}))
