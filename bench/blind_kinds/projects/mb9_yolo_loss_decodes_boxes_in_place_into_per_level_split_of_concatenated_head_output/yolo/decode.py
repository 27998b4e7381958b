"""YOLOv5 box parametrisation, decoded in place on a level's predictions."""
import torch


def make_grid(h, w, na):
    ys, xs = torch.meshgrid(torch.arange(h), torch.arange(w), indexing="ij")
    return torch.stack((xs, ys), -1).float().view(1, 1, h * w, 2).expand(1, na, h * w, 2).reshape(1, -1, 2)


def decode_level_(p, grid, anchor_wh, stride):
    """p: (B, A*H*W, 5 + C) raw outputs; writes xy, wh in pixels into p and returns it."""
    p[..., 0:2] = (p[..., 0:2].sigmoid() * 2 - 0.5 + grid) * stride  # L
    p[..., 2:4] = (p[..., 2:4].sigmoid() * 2) ** 2 * anchor_wh  # L
    return p
