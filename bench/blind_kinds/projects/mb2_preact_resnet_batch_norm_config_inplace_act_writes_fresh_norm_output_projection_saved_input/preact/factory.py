"""Pre-activation units (norm -> act -> conv) built from names, so ablations are config edits."""
from functools import partial

import torch.nn as nn

NORMS = {
    "bn": nn.BatchNorm2d,
    "gn": partial(nn.GroupNorm, 2),
    None: None,  # norm-free ablation
}

ACTIVATIONS = {
    "relu": nn.ReLU,
    "leaky": partial(nn.LeakyReLU, 0.2),
    "elu": nn.ELU,
}


def make_norm(name, channels):
    norm = NORMS[name]
    if norm is None:
        return nn.Identity()
    return norm(channels)


def make_act(name):
    # in place: the pre-activation output is only read by the conv that follows
    return ACTIVATIONS[name](inplace=True)  # L


def norm_act_conv(c_in, c_out, norm, act, stride=1):
    return nn.Sequential(
        make_norm(norm, c_in),
        make_act(act),  # L
        nn.Conv2d(c_in, c_out, 3, stride, 1, bias=norm is None),
    )
