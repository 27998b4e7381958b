"""The three DAIN stages (Passalis et al. 2019), each f(x, layer, eps) on a (batch, channels,
time) window.  The in-place variants avoid a copy of the window per stage."""
import torch


def shift_(x, layer, eps):
    return x.sub_(layer(x.mean(-1)).unsqueeze(-1))  # L


def _adaptive_std(x, layer, eps):
    std = layer(torch.sqrt(x.pow(2).mean(-1) + eps))
    std[std <= eps] = 1.0  # L
    return std.unsqueeze(-1)


def scale_(x, layer, eps):
    return x.div_(_adaptive_std(x, layer, eps))


def scale(x, layer, eps):
    return x / _adaptive_std(x, layer, eps)


def gate_(x, layer, eps):
    return x.mul_(torch.sigmoid(layer(x.mean(-1))).unsqueeze(-1))  # L


STAGES = {"shift_": shift_, "scale_": scale_, "scale": scale, "gate_": gate_}
