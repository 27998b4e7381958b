import torch
import torch.nn.functional as F

from .sampling import clip_denoised_


class HybridLoss:
    """x0 regression plus the epsilon loss implied by the (clipped) x0 prediction."""

    def __init__(self, sched, eps_weight=0.5):
        self.sched = sched
        self.eps_weight = eps_weight

    def __call__(self, model, x0):
        t = torch.randint(0, self.sched.steps, (x0.shape[0],))
        noise = torch.randn_like(x0)
        x_t = self.sched.q_sample(x0, t, noise)
        x0_pred = model(x_t, t)
        loss_x0 = F.mse_loss(x0_pred, x0)
        eps_pred = self.sched.eps_from_x0(x_t, t, clip_denoised_(x0_pred))  # L
        return loss_x0 + self.eps_weight * F.mse_loss(eps_pred, noise)
