"""Inverse autoregressive flow steps (Kingma et al. 2016), the numerically stable LSTM-type update
z <- sigma * z + (1 - sigma) * m."""
import torch
import torch.nn as nn

from .made import MADE


def gated_update_(z, sigma, m):
    # written into the sample's storage: one fewer [batch, dim] tensor per step
    return z.mul_(sigma).add_((1 - sigma) * m)  # L


class IAFStep(nn.Module):
    def __init__(self, dim, hidden, context, forget_bias=1.5):
        super().__init__()
        self.made = MADE(dim, hidden, context)
        self.forget_bias = forget_bias

    def forward(self, z, h):
        m, s = self.made(z, h)
        sigma = torch.sigmoid(s + self.forget_bias)
        z = gated_update_(z, sigma, m)  # L
        return z.flip(-1), torch.log(sigma).sum(-1)
