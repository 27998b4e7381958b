"""A hand-written GIoU loss for a tiny box regressor; the union area is floored with clamp_ to
avoid a division by zero before iou = inter / union is formed."""
import torch
import torch.nn as nn


def giou_loss(pred, target, eps=1e-6):
    lt = torch.max(pred[:, :2], target[:, :2])
    rb = torch.min(pred[:, 2:], target[:, 2:])
    inter = (rb - lt).clamp(min=0).prod(1)
    area_p = (pred[:, 2:] - pred[:, :2]).prod(1)
    area_t = (target[:, 2:] - target[:, :2]).prod(1)
    union = area_p + area_t - inter
    union.clamp_(min=eps)  # L
    iou = inter / union
    enc = (torch.max(pred[:, 2:], target[:, 2:]) - torch.min(pred[:, :2], target[:, :2])).prod(1)
    return (1 - (iou - (enc - union) / enc)).mean()


def to_boxes(raw):
    ctr, wh = raw[:, :2], raw[:, 2:].exp()
    return torch.cat([ctr - wh / 2, ctr + wh / 2], 1)


def run():
    torch.manual_seed(0)
    head = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 4))
    opt = torch.optim.SGD(head.parameters(), lr=0.05)
    for _ in range(2):
        x = torch.randn(5, 6)
        gt = to_boxes(torch.randn(5, 4) * 0.3)
        loss = giou_loss(to_boxes(head(x)), gt)
        opt.zero_grad()
        loss.backward()
        opt.step()
