import math

import torch
import torch.nn as nn


class CosineSchedule(nn.Module):
    """Nichol & Dhariwal's cosine alpha-bar schedule over a fixed number of steps."""

    def __init__(self, steps=50, s=0.008):
        super().__init__()
        t = torch.linspace(0, 1, steps + 1)
        f = torch.cos((t + s) / (1 + s) * math.pi / 2) ** 2
        self.register_buffer("alpha_bar", (f / f[0]).clamp(1e-5, 1.0)[1:])
        self.steps = steps

    def alpha_sigma(self, t):
        ab = self.alpha_bar[t].view(-1, 1, 1, 1)
        return ab.sqrt(), (1 - ab).sqrt()
