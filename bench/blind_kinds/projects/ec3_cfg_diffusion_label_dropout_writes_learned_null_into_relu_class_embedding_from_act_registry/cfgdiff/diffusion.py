"""Continuous-time cosine schedule with v-prediction, and an EMA of the denoiser."""
import copy
import math

import torch
import torch.nn.functional as F


class VDiffusion:
    def alpha_sigma(self, t):
        return torch.cos(t * math.pi / 2), torch.sin(t * math.pi / 2)

    def loss(self, model, x0, y):
        t = torch.rand(x0.shape[0])
        alpha, sigma = (s[:, None] for s in self.alpha_sigma(t))
        eps = torch.randn_like(x0)
        x_t = alpha * x0 + sigma * eps
        v = alpha * eps - sigma * x0
        return F.mse_loss(model(x_t, t, y), v)


class EMA:
    def __init__(self, model, decay=0.999):
        self.shadow = copy.deepcopy(model).eval().requires_grad_(False)
        self.decay = decay

    @torch.no_grad()
    def update(self, model):
        for s, p in zip(self.shadow.parameters(), model.parameters()):
            s.lerp_(p, 1 - self.decay)
