import torch
import torch.nn as nn


class NoiseSchedule(nn.Module):
    def __init__(self, steps=20, beta_start=1e-3, beta_end=0.2):
        super().__init__()
        betas = torch.linspace(beta_start, beta_end, steps)
        self.steps = steps
        self.register_buffer("alphas_bar", torch.cumprod(1.0 - betas, 0))

    def _coef(self, t):
        a = self.alphas_bar[t][:, None]
        return a.sqrt(), (1.0 - a).sqrt()

    def q_sample(self, x0, t, noise):
        s, s1 = self._coef(t)
        return s * x0 + s1 * noise

    def eps_from_x0(self, x_t, t, x0):
        s, s1 = self._coef(t)
        return (x_t - s * x0) / s1
