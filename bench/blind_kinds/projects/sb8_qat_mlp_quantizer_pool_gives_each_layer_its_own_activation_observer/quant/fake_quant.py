"""Activation fake quantisation with a running abs-max observer. As in torch.ao's FakeQuantize,
the observer runs first and the scale it refreshes is then used to quantise the same input."""
import torch
import torch.nn as nn


class ActFakeQuant(nn.Module):
    def __init__(self, bits=8, momentum=0.1):
        super().__init__()
        self.qmax = 2 ** (bits - 1) - 1
        self.momentum = momentum
        self.register_buffer("scale", torch.tensor(1.0))
        self.register_buffer("calibrated", torch.tensor(False))

    @torch.no_grad()
    def observe(self, x):
        new_scale = x.abs().amax().clamp(min=1e-8) / self.qmax
        if not self.calibrated:
            self.scale.copy_(new_scale)  # L
            self.calibrated.fill_(True)
        else:
            self.scale.lerp_(new_scale, self.momentum)  # L

    def forward(self, x):
        if self.training:
            self.observe(x)  # L
        x_s = x / self.scale
        x_q = x_s + (x_s.round().clamp(-self.qmax - 1, self.qmax) - x_s).detach()
        return x_q * self.scale
