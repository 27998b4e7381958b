import math

import torch


class BoxCoder:
    """(dx, dy, dw, dh) deltas relative to anchors, as in Faster R-CNN."""

    def __init__(self, weights=(1.0, 1.0, 1.0, 1.0), clip=math.log(1000.0 / 16), inplace=False):
        self.weights = torch.tensor(weights)
        self.clip, self.inplace = clip, inplace

    @staticmethod
    def _centres(boxes):
        wh = boxes[:, 2:] - boxes[:, :2]
        return boxes[:, :2] + 0.5 * wh, wh

    def encode(self, gt, anchors):
        g_ctr, g_wh = self._centres(gt)
        a_ctr, a_wh = self._centres(anchors)
        return torch.cat([(g_ctr - a_ctr) / a_wh, torch.log(g_wh / a_wh)], dim=1) * self.weights

    def decode(self, deltas, anchors):
        a_ctr, a_wh = self._centres(anchors)
        if self.inplace:
            # proposals are made for every anchor of every image: skip the temporaries
            deltas = deltas.div_(self.weights)  # L
            deltas[:, 2:].clamp_(max=self.clip).exp_()  # L
            ctr, wh = deltas[:, :2].mul_(a_wh).add_(a_ctr), deltas[:, 2:].mul_(a_wh)  # L
        else:
            deltas = deltas / self.weights
            ctr = deltas[:, :2] * a_wh + a_ctr
            wh = deltas[:, 2:].clamp(max=self.clip).exp() * a_wh
        return torch.cat([ctr - 0.5 * wh, ctr + 0.5 * wh], dim=1)
