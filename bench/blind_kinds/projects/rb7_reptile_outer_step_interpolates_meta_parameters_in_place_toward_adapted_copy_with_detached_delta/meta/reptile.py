"""Reptile (Nichol et al. 2018): move the meta-parameters a fraction of the way toward the
weights adapted to each sampled task."""
from .inner import adapt


class Reptile:
    def __init__(self, model, outer_lr=0.1, inner_steps=3, inner_lr=0.02):
        self.model = model
        self.outer_lr, self.inner_steps, self.inner_lr = outer_lr, inner_steps, inner_lr

    def _interpolate(self, adapted):
        for p, q in zip(self.model.parameters(), adapted.parameters()):
            p.add_(q.detach() - p.detach(), alpha=self.outer_lr)  # L

    def meta_step(self, task):
        adapted = adapt(self.model, task, self.inner_steps, self.inner_lr)
        self._interpolate(adapted)  # L
