"""A tiny VGG-style feature extractor built like torchvision's `make_layers` (ReLU(inplace=True))."""
from collections import OrderedDict

import torch.nn as nn

CFGS = {"tiny": [4, "M", 8, 8]}


def make_features(name="tiny", in_ch=3):
    layers, c, i = OrderedDict(), in_ch, 0
    for v in CFGS[name]:
        i += 1
        if v == "M":
            layers[f"pool{i}"] = nn.MaxPool2d(2)
            continue
        layers[f"conv{i}"] = nn.Conv2d(c, v, 3, padding=1)
        layers[f"relu{i}"] = nn.ReLU(inplace=True)  # L
        c = v
    net = nn.Sequential(layers)
    net.requires_grad_(False)
    return net.eval()
