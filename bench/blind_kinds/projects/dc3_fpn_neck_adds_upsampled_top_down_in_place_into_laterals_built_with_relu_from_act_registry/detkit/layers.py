import functools

import torch.nn as nn

ACTIVATIONS = {
    "relu": functools.partial(nn.ReLU, inplace=False),
    "silu": nn.SiLU,
    "identity": nn.Identity,
}


class ConvNormAct(nn.Sequential):
    """conv -> BN -> activation, the activation looked up by name."""

    def __init__(self, cin, cout, k=1, stride=1, act="relu"):
        super().__init__(
            nn.Conv2d(cin, cout, k, stride=stride, padding=k // 2, bias=False),
            nn.BatchNorm2d(cout),
            ACTIVATIONS[act](),
        )
