"""Box regression decoding (dx, dy, dw, dh) against proposals; the deltas are unbound."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

SCALE_CLAMP = math.log(1000.0 / 16)


def decode(deltas, proposals):
    dx, dy, dw, dh = deltas.unbind(-1)
    dw.clamp_(max=SCALE_CLAMP)  # L
    dh.clamp_(max=SCALE_CLAMP)  # L
    w, h = proposals[:, 2] - proposals[:, 0], proposals[:, 3] - proposals[:, 1]
    cx, cy = proposals[:, 0] + 0.5 * w + dx * w, proposals[:, 1] + 0.5 * h + dy * h
    pw, ph = torch.exp(dw) * w, torch.exp(dh) * h
    return torch.stack([cx - 0.5 * pw, cy - 0.5 * ph, cx + 0.5 * pw, cy + 0.5 * ph], -1)


def run():
    torch.manual_seed(0)
    head = nn.Sequential(nn.Linear(7, 8), nn.ReLU(), nn.Linear(8, 4))
    opt = torch.optim.SGD(head.parameters(), lr=0.01)
    for _ in range(2):
        xy = torch.rand(5, 2) * 10
        proposals = torch.cat([xy, xy + 2 + torch.rand(5, 2) * 5], 1)
        gt = proposals + torch.randn(5, 4) * 0.5
        boxes = decode(head(torch.randn(5, 7)), proposals)
        loss = F.smooth_l1_loss(boxes, gt)
        opt.zero_grad()
        loss.backward()
        opt.step()
