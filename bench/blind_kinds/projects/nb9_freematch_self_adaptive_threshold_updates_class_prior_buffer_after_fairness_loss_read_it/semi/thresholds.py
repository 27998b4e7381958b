import torch
import torch.nn as nn


class SelfAdaptiveThreshold(nn.Module):
    """FreeMatch's self-adaptive thresholds (Wang et al., 2023): a global confidence level and a
    class prior, both exponential moving averages of the model's predictions on weak views."""

    def __init__(self, n_classes, momentum=0.999):
        super().__init__()
        self.m = momentum
        self.register_buffer("time_p", torch.tensor(1.0 / n_classes))
        self.register_buffer("p_model", torch.full((n_classes,), 1.0 / n_classes))

    @torch.no_grad()
    def update(self, probs_w):
        max_probs = probs_w.max(dim=-1).values
        self.time_p.mul_(self.m).add_(max_probs.mean(), alpha=1 - self.m)
        self.p_model.mul_(self.m).add_(probs_w.mean(dim=0), alpha=1 - self.m)  # L

    @torch.no_grad()
    def mask(self, probs_w):
        max_probs, pseudo = probs_w.max(dim=-1)
        local = self.p_model / self.p_model.max()
        return max_probs.ge(self.time_p * local[pseudo]).float()
