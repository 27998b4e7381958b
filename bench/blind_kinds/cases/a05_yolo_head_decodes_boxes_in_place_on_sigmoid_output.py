"""YOLOv5-style grid decoding reused in the training loss (box L1 on decoded boxes)."""
import functools
from dataclasses import dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass(frozen=True)
class HeadConfig:
    n_classes: int = 3
    anchors: tuple = ((1.0, 1.5), (2.0, 1.0))
    stride: float = 8.0

    @property
    def n_out(self):
        return 5 + self.n_classes


@functools.lru_cache(maxsize=8)
def make_grid(h, w):
    ys, xs = torch.meshgrid(torch.arange(h), torch.arange(w), indexing="ij")
    return torch.stack((xs, ys), -1).float().view(1, 1, h, w, 2)


class DetectHead(nn.Module):
    def __init__(self, in_ch, cfg=HeadConfig()):
        super().__init__()
        self.cfg = cfg
        self.na = len(cfg.anchors)
        self.conv = nn.Conv2d(in_ch, self.na * cfg.n_out, 1)
        self.register_buffer("anchor_wh", torch.tensor(cfg.anchors).view(1, self.na, 1, 1, 2))

    def forward(self, feat):
        b, _, h, w = feat.shape
        p = self.conv(feat).view(b, self.na, self.cfg.n_out, h, w).permute(0, 1, 3, 4, 2)
        return p, self.decode(p)

    def decode(self, p):
        grid, stride = make_grid(*p.shape[2:4]), self.cfg.stride
        y = p.sigmoid()
        y[..., 0:2] = (y[..., 0:2] * 2 - 0.5 + grid) * stride  # L
        y[..., 2:4] = (y[..., 2:4] * 2) ** 2 * self.anchor_wh * stride  # L
        return y


def detection_loss(p, y, target_boxes, target_obj):
    box = F.l1_loss(y[..., :4], target_boxes, reduction="none").sum(-1)
    box = (box * target_obj).sum() / target_obj.sum().clamp(min=1)
    obj = F.binary_cross_entropy_with_logits(p[..., 4], target_obj)
    return 0.05 * box + obj


def run():
    torch.manual_seed(0)
    backbone = nn.Sequential(nn.Conv2d(3, 8, 3, stride=2, padding=1), nn.SiLU(),
                             nn.Conv2d(8, 8, 3, stride=2, padding=1), nn.SiLU())
    head = DetectHead(8)
    params = [*backbone.parameters(), *head.parameters()]
    opt = torch.optim.SGD(params, lr=0.01, momentum=0.937)
    for _ in range(2):
        imgs = torch.rand(2, 3, 16, 16)
        p, y = head(backbone(imgs))
        target_boxes = torch.rand(*y.shape[:4], 4) * 16
        target_obj = (torch.rand(y.shape[:4]) > 0.7).float()
        loss = detection_loss(p, y, target_boxes, target_obj)
        opt.zero_grad()
        loss.backward()
        opt.step()
