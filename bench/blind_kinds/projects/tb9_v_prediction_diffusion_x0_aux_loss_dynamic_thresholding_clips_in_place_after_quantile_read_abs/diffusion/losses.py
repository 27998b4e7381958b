import torch
import torch.nn.functional as F


def diffusion_loss(model, schedule, x0, threshold, aux_weight=0.1):
    """v-prediction loss (Salimans & Ho, 2022) plus an x0-space auxiliary term on the
    thresholded x0 estimate, so training sees the clipping the sampler will apply."""
    t = torch.randint(0, schedule.steps, (x0.shape[0],))
    alpha, sigma = schedule.alpha_sigma(t)
    noise = torch.randn_like(x0)
    x_t = alpha * x0 + sigma * noise
    v_pred = model(x_t, t)
    v_target = alpha * noise - sigma * x0
    x0_hat = alpha * x_t - sigma * v_pred
    x0_hat = threshold(x0_hat)  # L
    return F.mse_loss(v_pred, v_target) + aux_weight * F.mse_loss(x0_hat, x0)
