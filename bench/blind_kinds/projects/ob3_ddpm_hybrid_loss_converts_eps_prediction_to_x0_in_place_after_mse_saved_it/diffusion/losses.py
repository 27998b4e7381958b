import torch.nn as nn
import torch.nn.functional as F

EPS_LOSSES = {
    "mse": F.mse_loss,
    "sq_err": lambda pred, target: (pred - target).pow(2).mean(),
}


class HybridLoss(nn.Module):
    """The simple epsilon loss plus a small x0-space term that keeps samples in the data range."""

    def __init__(self, schedule, eps_loss="mse", x0_weight=0.1):
        super().__init__()
        self.schedule = schedule
        self.eps_loss = EPS_LOSSES[eps_loss]
        self.x0_weight = x0_weight

    def forward(self, eps_pred, x_t, x0, t, noise):
        simple = self.eps_loss(eps_pred, noise)
        if self.x0_weight == 0:
            return simple
        x0_pred = self.schedule.eps_to_x0_(eps_pred, x_t, t)  # L
        return simple + self.x0_weight * F.l1_loss(x0_pred.clamp(-1, 1), x0)
