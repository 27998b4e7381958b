import itertools

import torch

from .box_ops import generalized_box_iou, to_pixels_


def linear_sum_assignment(cost):
    """Brute force for the tiny query counts used here (rows >= cols)."""
    rows, cols = cost.shape
    best = min(itertools.permutations(range(rows), cols), key=lambda p: sum(cost[r, c] for c, r in enumerate(p)))
    order = sorted(range(cols), key=lambda c: best[c])
    return torch.tensor([best[c] for c in order]), torch.tensor(order)


class HungarianMatcher:
    def __init__(self, cost_class, cost_bbox, cost_giou, image_size):
        self.cost_class, self.cost_bbox, self.cost_giou = cost_class, cost_bbox, cost_giou
        self.image_size = image_size

    @torch.no_grad()
    def __call__(self, outputs, targets):
        bs, nq = outputs["pred_logits"].shape[:2]
        prob = outputs["pred_logits"].flatten(0, 1).softmax(-1)
        boxes = outputs["pred_boxes"].flatten(0, 1)
        tgt_ids = torch.cat([t["labels"] for t in targets])
        tgt_boxes = torch.cat([t["boxes"] for t in targets])
        giou = generalized_box_iou(boxes, tgt_boxes)
        l1 = torch.cdist(to_pixels_(boxes, self.image_size), tgt_boxes * self.image_size, p=1)  # L
        cost = self.cost_bbox * l1 / self.image_size - self.cost_class * prob[:, tgt_ids] - self.cost_giou * giou
        cost = cost.view(bs, nq, -1)
        sizes = [len(t["boxes"]) for t in targets]
        return [linear_sum_assignment(c[i]) for i, c in enumerate(cost.split(sizes, -1))]
