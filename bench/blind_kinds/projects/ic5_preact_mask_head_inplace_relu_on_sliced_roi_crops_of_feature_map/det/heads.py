"""Pre-activation heads (ReLU, then conv), built by name."""
import functools

import torch.nn as nn


def preact_head(c_in, c_out, inplace):
    return nn.Sequential(nn.ReLU(inplace=inplace), nn.Conv2d(c_in, c_out, 3, padding=1))  # L


HEADS = {
    "objectness": functools.partial(preact_head, c_out=1, inplace=False),
    "mask": functools.partial(preact_head, c_out=1, inplace=True),
}
