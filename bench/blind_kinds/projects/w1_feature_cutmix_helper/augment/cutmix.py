import math

import torch

__all__ = ["rand_box", "cutmix_", "mixed_targets"]


def rand_box(h, w, lam, generator=None):
    """A box covering about (1 - lam) of an h x w map, as (y0, y1, x0, x1)."""
    cut = math.sqrt(1.0 - lam)
    ch, cw = max(1, int(h * cut)), max(1, int(w * cut))
    cy = int(torch.randint(0, h, (1,), generator=generator))
    cx = int(torch.randint(0, w, (1,), generator=generator))
    y0, y1 = max(cy - ch // 2, 0), min(cy + ch // 2 + 1, h)
    x0, x1 = max(cx - cw // 2, 0), min(cx + cw // 2 + 1, w)
    return y0, y1, x0, x1


def cutmix_(t, perm, box):
    """Paste the box of the shuffled batch into ``t`` (in place); returns ``t``."""
    y0, y1, x0, x1 = box
    t[:, :, y0:y1, x0:x1] = t[perm, :, y0:y1, x0:x1]  # L
    return t


def mixed_targets(y, perm, box, h, w):
    y0, y1, x0, x1 = box
    lam = 1.0 - (y1 - y0) * (x1 - x0) / (h * w)
    return y, y[perm], lam
