import math

import torch
import torch.nn as nn
import torch.nn.functional as F

from .ops import FusedLeakyReLU


class ModulatedConv2d(nn.Module):
    def __init__(self, in_ch, out_ch, kernel, style_dim, demodulate=True):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(1, out_ch, in_ch, kernel, kernel))
        self.modulation = nn.Linear(style_dim, in_ch)
        nn.init.ones_(self.modulation.bias)
        self.scale = 1 / math.sqrt(in_ch * kernel * kernel)
        self.demodulate, self.padding = demodulate, kernel // 2

    def forward(self, x, style):
        b, c, h, w = x.shape
        s = self.modulation(style).view(b, 1, c, 1, 1)
        weight = self.scale * self.weight * s
        if self.demodulate:
            weight = weight * torch.rsqrt(weight.pow(2).sum([2, 3, 4], keepdim=True) + 1e-8)
        weight = weight.view(-1, c, *weight.shape[3:])
        out = F.conv2d(x.reshape(1, b * c, h, w), weight, padding=self.padding, groups=b)
        return out.view(b, -1, h, w)


class NoiseInjection(nn.Module):
    def __init__(self):
        super().__init__()
        self.weight = nn.Parameter(torch.zeros(1))

    def forward(self, image, noise=None):
        if noise is None:
            noise = image.new_empty(image.shape[0], 1, *image.shape[2:]).normal_()
        return image.add_(self.weight * noise)  # L


class StyledConv(nn.Module):
    """Runs its stages in the configured order, looked up by name."""

    def __init__(self, in_ch, out_ch, style_dim, order=("conv", "noise", "activate")):
        super().__init__()
        self.conv = ModulatedConv2d(in_ch, out_ch, 3, style_dim)
        self.noise = NoiseInjection()
        self.activate = FusedLeakyReLU(out_ch)
        self.order = tuple(order)

    def _stage_conv(self, x, style, noise):
        return self.conv(x, style)

    def _stage_noise(self, x, style, noise):
        return self.noise(x, noise)  # L

    def _stage_activate(self, x, style, noise):
        return self.activate(x)

    def forward(self, x, style, noise=None):
        for name in self.order:
            x = getattr(self, "_stage_" + name)(x, style, noise)  # L
        return x


class ToRGB(nn.Module):
    def __init__(self, in_ch, style_dim):
        super().__init__()
        self.conv = ModulatedConv2d(in_ch, 3, 1, style_dim, demodulate=False)
        self.bias = nn.Parameter(torch.zeros(1, 3, 1, 1))

    def forward(self, x, style):
        return self.conv(x, style) + self.bias
