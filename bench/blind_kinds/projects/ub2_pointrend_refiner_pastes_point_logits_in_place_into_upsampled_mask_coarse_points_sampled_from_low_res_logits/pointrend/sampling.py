"""Point sampling helpers in detectron2's PointRend shape (coordinates in [0, 1])."""
import torch
import torch.nn.functional as F


def point_sample(inp, coords):
    grid = 2.0 * coords.unsqueeze(2) - 1.0
    return F.grid_sample(inp, grid, align_corners=False).squeeze(3)


@torch.no_grad()
def most_uncertain(logits, k):
    """Flat indices and centre coordinates of the k cells whose logit is closest to zero."""
    n, _, h, w = logits.shape
    idx = (-logits.abs()).flatten(1).topk(k, dim=1).indices
    xs = (idx % w).float().add(0.5).div(w)
    ys = torch.div(idx, w, rounding_mode="floor").float().add(0.5).div(h)
    return idx, torch.stack([xs, ys], dim=-1)


def paste_points_(mask, idx, values):
    """Write the refined point logits back into the dense mask."""
    mask.flatten(2).scatter_(2, idx.unsqueeze(1), values)  # L
    return mask
