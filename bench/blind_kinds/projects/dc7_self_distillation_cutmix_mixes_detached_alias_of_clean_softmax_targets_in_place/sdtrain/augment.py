"""CutMix (Yun et al. 2019) on a batch, inside the training step."""
import math

import torch


def rand_box(h, w, lam):
    cut = math.sqrt(1.0 - lam)
    ch, cw = int(h * cut), int(w * cut)
    cy, cx = torch.randint(h, ()).item(), torch.randint(w, ()).item()
    y0, y1 = max(cy - ch // 2, 0), min(cy + ch // 2, h)
    x0, x1 = max(cx - cw // 2, 0), min(cx + cw // 2, w)
    return y0, y1, x0, x1


def cutmix_(images, perm, box):
    y0, y1, x0, x1 = box
    images[:, :, y0:y1, x0:x1] = images[perm, :, y0:y1, x0:x1]
    return images


def mix_targets_(targets, perm, lam):
    partner = targets[perm]
    return targets.mul_(lam).add_(partner, alpha=1.0 - lam)  # L
