import math
from functools import partial

import torch.nn as nn


def scaled_normal_(t, gain=1.0):
    """GPT-2-style scaled init: N(0, gain / sqrt(fan_in))."""
    fan_in = t.shape[-1] if t.dim() > 1 else t.shape[0]
    return t.normal_(0.0, gain / math.sqrt(fan_in))  # L


def ones_(t):
    return nn.init.ones_(t)


INITS = {
    "xavier": (nn.init.xavier_uniform_, nn.init.zeros_, ones_),
    "scaled_normal": (partial(scaled_normal_, gain=0.5), nn.init.zeros_, ones_),
}


def initialize(model, scheme):
    weight_init, bias_init, gain_init = INITS[scheme]
    for name, p in model.named_parameters():
        if name.startswith("gains."):
            gain_init(p)
        elif name.endswith("bias"):
            bias_init(p)
        else:
            weight_init(p)
