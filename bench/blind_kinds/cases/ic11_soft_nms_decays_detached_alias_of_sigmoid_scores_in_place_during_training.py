"""A detector trained on the boxes that survive soft-NMS (a learned re-scoring step): soft-NMS
decays the overlapping scores with a Gaussian in place. It works on scores.detach() to keep the
suppression out of the graph, and the kept scores are then gathered from the live sigmoid."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def box_iou(a, b):
    lt = torch.max(a[:, None, :2], b[None, :, :2])
    rb = torch.min(a[:, None, 2:], b[None, :, 2:])
    inter = (rb - lt).clamp(min=0).prod(2)
    area = lambda t: (t[:, 2:] - t[:, :2]).prod(1)
    return inter / (area(a)[:, None] + area(b)[None] - inter)


def soft_nms_(scores, boxes, sigma=0.5, thresh=0.05):
    order = []
    alive = torch.ones_like(scores, dtype=torch.bool)
    for _ in range(scores.numel()):
        i = int(torch.where(alive, scores, torch.full_like(scores, -1)).argmax())
        if scores[i] < thresh:
            break
        order.append(i)
        alive[i] = False
        iou = box_iou(boxes[i:i + 1], boxes)[0]
        scores.mul_(torch.where(alive, torch.exp(-iou ** 2 / sigma), torch.ones_like(iou)))  # L
    return torch.tensor(order, dtype=torch.long)


def make_proposals(n=8):
    xy = torch.rand(n, 2) * 4
    return torch.cat([xy, xy + 1 + torch.rand(n, 2)], 1)


def run():
    torch.manual_seed(0)
    scorer = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 1))
    opt = torch.optim.SGD(scorer.parameters(), lr=0.1)
    for _ in range(2):
        feats, boxes = torch.randn(8, 6), make_proposals()
        scores = scorer(feats).squeeze(1).sigmoid()
        keep = soft_nms_(scores.detach(), boxes)
        labels = (torch.rand(len(keep)) > 0.5).float()
        loss = F.binary_cross_entropy(scores[keep], labels)
        opt.zero_grad()
        loss.backward()
        opt.step()
