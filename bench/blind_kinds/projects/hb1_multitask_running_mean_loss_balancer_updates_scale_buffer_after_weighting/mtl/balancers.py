"""Loss balancers: each maps (task, loss) to the loss that enters the total."""
import torch
import torch.nn as nn

BALANCERS = {}


def register(name):
    def deco(cls):
        BALANCERS[name] = cls
        return cls
    return deco


def build_balancer(cfg, tasks):
    cfg = dict(cfg)
    return BALANCERS[cfg.pop("type")](tasks, **cfg)


@register("fixed")
class FixedWeights(nn.Module):
    def __init__(self, tasks, weights=None):
        super().__init__()
        self.weights = weights or {t: 1.0 for t in tasks}

    def forward(self, task, loss):
        return self.weights[task] * loss


@register("running_mean")
class RunningMeanBalancer(nn.Module):
    """Divides each task's loss by a running mean of its own magnitude, so that tasks whose losses
    live on different scales (a regression in squared units, a cross-entropy) weigh alike."""

    UPDATES = ("before_weighting", "after_weighting")

    def __init__(self, tasks, beta=0.9, update="before_weighting"):
        super().__init__()
        assert update in self.UPDATES, update
        self.beta, self.update = beta, update
        for task in tasks:
            self.register_buffer(f"scale_{task}", torch.ones(()))

    def scale(self, task):
        return getattr(self, f"scale_{task}")

    @torch.no_grad()
    def track(self, task, loss):
        self.scale(task).mul_(self.beta).add_((1 - self.beta) * loss.detach())  # L

    def forward(self, task, loss):
        if self.update == "before_weighting":
            self.track(task, loss)
        weighted = loss / self.scale(task)
        if self.update == "after_weighting":
            self.track(task, loss)  # L
        return weighted
