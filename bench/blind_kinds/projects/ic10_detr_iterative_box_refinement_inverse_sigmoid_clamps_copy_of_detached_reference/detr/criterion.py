import torch.nn.functional as F


class AuxL1Criterion:
    """L1 box loss on every decoder layer's output (auxiliary losses), queries already matched."""

    def __init__(self, weights):
        self.weights = weights

    def __call__(self, boxes_per_layer, target):
        return sum(w * F.l1_loss(b, target) for w, b in zip(self.weights, boxes_per_layer))
