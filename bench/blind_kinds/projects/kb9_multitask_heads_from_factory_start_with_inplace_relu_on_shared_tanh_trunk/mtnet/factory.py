from functools import partial

import torch.nn as nn

ACTIVATIONS = {
    "relu": nn.ReLU,
    "relu6": nn.ReLU6,
    "leaky": partial(nn.LeakyReLU, 0.1),
    "tanh": lambda inplace=False: nn.Tanh(),
    "gelu": lambda inplace=False: nn.GELU(),
}


def make_act(name, inplace=False):
    return ACTIVATIONS[name](inplace=inplace)  # L


def make_head(d_in, d_out, act="relu", inplace=True):
    # a head starts with its own non-linearity on the shared features (copied from a model zoo)
    return nn.Sequential(make_act(act, inplace), nn.Linear(d_in, d_out))  # L
