# From ultralytics 8.4.190, ultralytics/trackers/track_tracker.py:446 (`cost[pairs] += ...` in
# TTSTracker._cost_matrix, after `iou_sim, hmiou_dist = _hmiou_distance(tracks, dets)` and
# `cost = hmiou_dist`), reported as IPL001 warning "`cost[pairs]` is modified in place by `+=`
# but `mul` at line 42 (its other) saved it for backward; backward will raise ... (if this
# indexing made a view rather than a copy) [via _cost_matrix() called at line 554]".
# _hmiou_distance returns `np.zeros(...), np.ones(...)` when either side is empty, else
# `iou_sim, 1.0 - h_iou * iou_sim`: the mul saves `iou_sim` (its other), the FIRST item, and
# the caller writes into the SECOND, a fresh `1 - ...` that nothing saved.
# Safe: in the library every value is a numpy array (the tracker works on boxes it copies out
# with np.ascontiguousarray), so there is no autograd at all.  And even with tensors the write
# cannot raise: the written tensor is never the saved one.  This copy uses tensors that require
# grad and trains through the cost (the pairs are found with np.nonzero, as in the library).
# The linter joins the two returns of the helper (two 2-tuples from exclusive paths) into one
# sequence whose items are any of the four values, so unpacking `iou_sim, cost = helper(...)`
# lets `cost` be `iou_sim`, which the mul saved.  Without the early return of the empty case it
# is quiet.  (In the library the values are also numpy arrays taken for tensors that may require
# grad: np.ascontiguousarray, np.minimum, np.clip, ... are not known to make ndarrays.)
# Checked below: backward runs and the gradient reaches the boxes.
import numpy as np
import torch


def box_iou(a, b):
    lt = torch.maximum(a[:, None, :2], b[None, :, :2])
    rb = torch.minimum(a[:, None, 2:], b[None, :, 2:])
    inter = (rb - lt).clamp(min=0).prod(-1)
    area_a = (a[:, 2:] - a[:, :2]).prod(-1)
    area_b = (b[:, 2:] - b[:, :2]).prod(-1)
    return inter / (area_a[:, None] + area_b[None, :] - inter)


def hmiou_distance(boxes_a, boxes_b):
    n, m = len(boxes_a), len(boxes_b)
    if n == 0 or m == 0:
        return torch.zeros(n, m), torch.ones(n, m)
    iou_sim = box_iou(boxes_a, boxes_b)
    h_over = torch.minimum(boxes_a[:, 3:4], boxes_b[:, 3:4].T) - torch.maximum(boxes_a[:, 1:2], boxes_b[:, 1:2].T)
    h_union = torch.maximum(boxes_a[:, 3:4], boxes_b[:, 3:4].T) - torch.minimum(boxes_a[:, 1:2], boxes_b[:, 1:2].T)
    h_iou = torch.clip(h_over / (h_union + 1e-9), 0, 1)
    return iou_sim, 1.0 - h_iou * iou_sim  # mul saves iou_sim; the second item is fresh


class Tracker:
    def __init__(self):
        self.angle_weight = 0.05

    def cost_matrix(self, tracks, dets):
        iou_sim, cost = hmiou_distance(tracks, dets)
        supported = iou_sim > 0.10
        pairs = np.nonzero(supported.numpy())
        if len(pairs[0]):
            cost[pairs] += self.angle_weight * iou_sim[pairs]  # writes the fresh second item
        cost[~supported] = 1.0
        return cost.clamp(0, 1)


tracks = torch.tensor([[0.0, 0.0, 2.0, 2.0], [5.0, 5.0, 6.0, 6.0]])
dets = torch.tensor([[1.0, 1.0, 3.0, 3.0], [5.0, 4.5, 6.5, 6.0]], requires_grad=True)
cost = Tracker().cost_matrix(tracks, dets)
cost.sum().backward()
assert dets.grad is not None and dets.grad.abs().sum() > 0
assert torch.isfinite(dets.grad).all()
