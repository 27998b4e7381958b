"""Gradual magnitude pruning on top of torch.nn.utils.prune: the layers get weight_orig and a
weight_mask buffer once, and the mask is tightened in place as the schedule advances."""
import torch
import torch.nn.utils.prune as prune

from .schedule import cubic_sparsity


class GradualPruner:
    def __init__(self, model, layer_types=("Linear",), **schedule):
        self.schedule = schedule
        self.layers = [m for m in model.modules() if type(m).__name__ in layer_types]
        for m in self.layers:
            prune.identity(m, "weight")

    def _keep(self, module, sparsity):
        scores = module.weight_orig.detach().abs() * module.weight_mask
        k = int(sparsity * scores.numel())
        if k == 0:
            return torch.ones_like(scores)
        threshold = scores.flatten().kthvalue(k).values
        return (scores > threshold).to(scores.dtype)

    def tighten(self, trainer):
        sparsity = cubic_sparsity(trainer.step, **self.schedule)
        for m in self.layers:
            m.weight_mask.mul_(self._keep(m, sparsity))  # L

    def density(self):
        kept = sum(float(m.weight_mask.sum()) for m in self.layers)
        return kept / sum(m.weight_mask.numel() for m in self.layers)
