from functools import partial

import torch.nn as nn

ACTIVATIONS = {
    "relu": partial(nn.ReLU, inplace=True),  # L
    "gelu": nn.GELU,
    "silu": partial(nn.SiLU, inplace=True),
}


def get_act(name):
    return ACTIVATIONS[name]()
