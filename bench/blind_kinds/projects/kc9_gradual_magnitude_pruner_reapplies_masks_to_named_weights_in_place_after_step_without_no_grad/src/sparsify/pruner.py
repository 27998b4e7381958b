import torch


def magnitude_mask(weight, sparsity):
    k = int(weight.numel() * sparsity)
    if k == 0:
        return torch.ones_like(weight)
    threshold = weight.detach().abs().flatten().kthvalue(k).values
    return (weight.detach().abs() > threshold).to(weight.dtype)


class GradualPruner:
    def __init__(self, model, cfg):
        self.model = model
        self.cfg = cfg
        self.masks = {}

    def sparsity(self, step):
        c = self.cfg
        progress = min(max(step - c.begin, 0) / max(c.steps - 1, 1), 1.0)
        return c.final_sparsity + (c.initial_sparsity - c.final_sparsity) * (1 - progress) ** 3

    def _apply(self, name, mask):
        weight = getattr(self.model, name).weight
        weight.mul_(mask)  # L

    def step(self, step):
        s = self.sparsity(step)
        for name in self.cfg.targets:
            self.masks[name] = magnitude_mask(getattr(self.model, name).weight, s)
            self._apply(name, self.masks[name])  # L
