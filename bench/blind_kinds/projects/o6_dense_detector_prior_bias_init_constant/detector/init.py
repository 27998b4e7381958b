"""Initialisers applied after the detector is built, looked up by name."""
import math

import torch.nn as nn


def normal_convs(model, std=0.01, **_):
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            nn.init.normal_(m.weight, std=std)
            nn.init.zeros_(m.bias)


def prior_bias(model, prior=0.01, **_):
    # focal loss paper: start every anchor at foreground probability `prior`
    nn.init.constant_(model.cls.bias, -math.log((1 - prior) / prior))  # L


INITIALIZERS = {"normal": normal_convs, "prior": prior_bias}
