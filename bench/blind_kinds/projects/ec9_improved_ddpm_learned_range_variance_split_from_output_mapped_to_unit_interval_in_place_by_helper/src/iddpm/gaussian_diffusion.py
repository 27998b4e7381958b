"""Improved DDPM (Nichol & Dhariwal 2021): cosine schedule, learned-range variance, hybrid loss."""
import math

import torch
import torch.nn.functional as F

from .nn_utils import normal_kl, to_unit_interval_


def cosine_alphas_cumprod(T, s=0.008):
    steps = torch.arange(T + 1, dtype=torch.float64) / T
    f = torch.cos((steps + s) / (1 + s) * math.pi / 2) ** 2
    betas = (1 - f[1:] / f[:-1]).clamp(max=0.999)
    return torch.cumprod(1 - betas, 0).float(), betas.float()


class GaussianDiffusion:
    def __init__(self, T=100, lambda_vlb=1e-3):
        self.T, self.lambda_vlb = T, lambda_vlb
        self.abar, self.betas = cosine_alphas_cumprod(T)
        abar_prev = torch.cat([torch.ones(1), self.abar[:-1]])
        self.post_var = self.betas * (1 - abar_prev) / (1 - self.abar)
        self.post_log_var = torch.log(torch.cat([self.post_var[1:2], self.post_var[1:]]))
        self.coef_x0 = self.betas * abar_prev.sqrt() / (1 - self.abar)
        self.coef_xt = (1 - abar_prev) * (1 - self.betas).sqrt() / (1 - self.abar)

    def training_losses(self, model, x0):
        C = x0.shape[1]
        t = torch.randint(1, self.T, (x0.shape[0],))
        noise = torch.randn_like(x0)
        ab = self.abar[t][:, None]
        x_t = ab.sqrt() * x0 + (1 - ab).sqrt() * noise
        eps_hat, var_values = model(x_t, t).split(C, dim=1)
        frac = to_unit_interval_(var_values)  # L
        min_log, max_log = self.post_log_var[t][:, None], torch.log(self.betas[t])[:, None]
        model_log_var = frac * max_log + (1 - frac) * min_log
        # the vlb term trains the variance only: the mean is built from the detached eps
        x0_hat = (x_t - (1 - ab).sqrt() * eps_hat.detach()) / ab.sqrt()
        mean_hat = self.coef_x0[t][:, None] * x0_hat + self.coef_xt[t][:, None] * x_t
        mean_true = self.coef_x0[t][:, None] * x0 + self.coef_xt[t][:, None] * x_t
        vlb = normal_kl(mean_true, self.post_log_var[t][:, None], mean_hat, model_log_var).mean()
        return F.mse_loss(eps_hat, noise) + self.lambda_vlb * self.T * vlb
