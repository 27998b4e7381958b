import torch
import torch.nn as nn


class AnchorHead(nn.Module):
    """YOLOv2/v3-style decoding with anchor sizes learned jointly with the network:
    xy = (sigmoid(t_xy) + cell) * stride, wh = anchor_wh * exp(t_wh)."""

    def __init__(self, ch=8, anchors=((8.0, 8.0), (16.0, 8.0), (8.0, 16.0)), stride=8):
        super().__init__()
        self.stride = stride
        self.anchor_wh = nn.Parameter(torch.tensor(anchors))
        self.stem = nn.Sequential(nn.Conv2d(3, ch, 3, stride=stride, padding=1), nn.LeakyReLU(0.1))
        self.pred = nn.Conv2d(ch, len(anchors) * 5, 1)

    def forward(self, img):
        n = img.size(0)
        p = self.pred(self.stem(img))
        h, w = p.shape[-2:]
        p = p.view(n, -1, 5, h, w).permute(0, 1, 3, 4, 2)
        ys, xs = torch.meshgrid(torch.arange(h), torch.arange(w), indexing="ij")
        cell = torch.stack([xs, ys], -1).float()
        xy = (p[..., :2].sigmoid() + cell) * self.stride
        wh = self.anchor_wh[None, :, None, None] * p[..., 2:4].exp()
        return torch.cat([xy - wh / 2, xy + wh / 2], -1), p[..., 4]
