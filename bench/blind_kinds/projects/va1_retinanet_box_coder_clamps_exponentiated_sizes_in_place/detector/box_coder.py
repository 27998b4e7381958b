"""Encodes boxes as (dx, dy, log dw, log dh) against anchors and decodes them back."""
import math

import torch


class BoxCoder:
    def __init__(self, weights=(10.0, 10.0, 5.0, 5.0), max_ratio=math.exp(4.135)):
        self.weights = weights
        self.max_ratio = max_ratio

    def encode(self, gt, anchors):
        wx, wy, ww, wh = self.weights
        a_wh = anchors[:, 2:] - anchors[:, :2]
        a_ctr = anchors[:, :2] + 0.5 * a_wh
        g_wh = gt[:, 2:] - gt[:, :2]
        g_ctr = gt[:, :2] + 0.5 * g_wh
        d_ctr = (g_ctr - a_ctr) / a_wh * torch.tensor([wx, wy])
        d_wh = torch.log(g_wh / a_wh) * torch.tensor([ww, wh])
        return torch.cat([d_ctr, d_wh], dim=1)

    def decode(self, deltas, anchors):
        wx, wy, ww, wh = self.weights
        a_wh = anchors[:, 2:] - anchors[:, :2]
        a_ctr = anchors[:, :2] + 0.5 * a_wh
        ctr = a_ctr + deltas[:, :2] / torch.tensor([wx, wy]) * a_wh
        ratio = torch.exp(deltas[:, 2:] / torch.tensor([ww, wh]))
        # keep an untrained head from producing huge boxes
        ratio.clamp_(max=self.max_ratio)  # L
        size = ratio * a_wh
        return torch.cat([ctr - 0.5 * size, ctr + 0.5 * size], dim=1)
