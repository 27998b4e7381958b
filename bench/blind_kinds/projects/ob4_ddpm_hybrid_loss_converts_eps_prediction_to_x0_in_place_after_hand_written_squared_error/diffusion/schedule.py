import math

import torch
import torch.nn as nn


class CosineSchedule(nn.Module):
    """Nichol & Dhariwal's cosine schedule, kept as buffers indexed by the integer timestep."""

    def __init__(self, timesteps, s=0.008):
        super().__init__()
        steps = torch.arange(timesteps + 1, dtype=torch.float64) / timesteps
        f = torch.cos((steps + s) / (1 + s) * math.pi / 2) ** 2
        alphas_cumprod = (f[1:] / f[0]).clamp(1e-5, 0.9999).float()
        self.register_buffer("sqrt_ab", alphas_cumprod.sqrt())
        self.register_buffer("sqrt_1mab", (1 - alphas_cumprod).sqrt())

    def _at(self, buf, t):
        return buf[t][:, None]

    def q_sample(self, x0, t, noise):
        return self._at(self.sqrt_ab, t) * x0 + self._at(self.sqrt_1mab, t) * noise

    def eps_to_x0_(self, eps, x_t, t):
        """x0 = (x_t - sqrt(1 - abar) * eps) / sqrt(abar), written over eps to spare a buffer."""
        return eps.mul_(-self._at(self.sqrt_1mab, t)).add_(x_t).div_(self._at(self.sqrt_ab, t))  # L
