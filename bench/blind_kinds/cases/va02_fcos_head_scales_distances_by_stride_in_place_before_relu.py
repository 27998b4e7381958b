"""FCOS-style anchor-free head: per-level learnable Scale, distances multiplied by the stride before the ReLU."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Scale(nn.Module):
    def __init__(self, init=1.0):
        super().__init__()
        self.scale = nn.Parameter(torch.tensor(init))

    def forward(self, x):
        return x * self.scale


class FCOSHead(nn.Module):
    def __init__(self, channels=4, n_classes=3, strides=(8, 16)):
        super().__init__()
        self.strides = strides
        self.tower = nn.Sequential(nn.Conv2d(channels, channels, 3, padding=1), nn.GroupNorm(2, channels), nn.ReLU())
        self.cls_logits = nn.Conv2d(channels, n_classes, 3, padding=1)
        self.bbox_pred = nn.Conv2d(channels, 4, 3, padding=1)
        self.scales = nn.ModuleList(Scale() for _ in strides)

    def forward(self, feats):
        logits, boxes = [], []
        for feat, scale, stride in zip(feats, self.scales, self.strides):
            t = self.tower(feat)
            logits.append(self.cls_logits(t))
            reg = scale(self.bbox_pred(t))
            if self.training:
                reg.mul_(stride)  # L
            boxes.append(F.relu(reg))
        return logits, boxes


def iou_loss(pred, target):
    pred_area = (pred[:, 0] + pred[:, 2]) * (pred[:, 1] + pred[:, 3])
    tgt_area = (target[:, 0] + target[:, 2]) * (target[:, 1] + target[:, 3])
    w = torch.min(pred[:, 0], target[:, 0]) + torch.min(pred[:, 2], target[:, 2])
    h = torch.min(pred[:, 1], target[:, 1]) + torch.min(pred[:, 3], target[:, 3])
    inter = w * h
    return -torch.log((inter + 1) / (pred_area + tgt_area - inter + 1)).mean()


def run():
    torch.manual_seed(0)
    head = FCOSHead()
    opt = torch.optim.SGD(head.parameters(), lr=0.01)
    for _ in range(2):
        feats = [torch.randn(2, 4, 6, 6), torch.randn(2, 4, 3, 3)]
        logits, boxes = head(feats)
        loss = 0
        for lg, bx in zip(logits, boxes):
            flat = bx.permute(0, 2, 3, 1).reshape(-1, 4)
            loss = loss + iou_loss(flat, torch.rand_like(flat) * 16)
            loss = loss + F.binary_cross_entropy_with_logits(lg, torch.zeros_like(lg))
        opt.zero_grad()
        loss.backward()
        opt.step()
