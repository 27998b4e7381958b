"""A bias + leaky ReLU + gain op with a hand-written backward, as StyleGAN2's fused op (here in
plain torch). Only the output is kept for backward: its sign decides the slope."""
import math

import torch
import torch.nn as nn


class FusedLeakyReLUFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, bias, slope, scale):
        out = torch.nn.functional.leaky_relu(x + bias.view(1, -1, 1, 1), slope) * scale
        ctx.save_for_backward(out)
        ctx.slope, ctx.scale = slope, scale
        return out

    @staticmethod
    def backward(ctx, grad_out):
        (out,) = ctx.saved_tensors
        grad_x = grad_out * torch.where(out > 0, 1.0, ctx.slope) * ctx.scale
        return grad_x, grad_x.sum(dim=(0, 2, 3)), None, None


def fused_leaky_relu(x, bias, slope=0.2, scale=math.sqrt(2)):
    return FusedLeakyReLUFunction.apply(x, bias, slope, scale)


class FusedLeakyReLU(nn.Module):
    def __init__(self, channels, slope=0.2, scale=math.sqrt(2)):
        super().__init__()
        self.bias = nn.Parameter(torch.zeros(channels))
        self.slope, self.scale = slope, scale

    def forward(self, x):
        return fused_leaky_relu(x, self.bias, self.slope, self.scale)
