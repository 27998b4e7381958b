"""Heads built from a small dict spec, so configs can describe them."""
import torch.nn as nn

ACTS = {
    "relu": lambda: nn.ReLU(),
    "relu_inplace": lambda: nn.ReLU(inplace=True),  # L
}


def build_head(spec, c_in):
    layers = []
    if spec.get("pre_act"):
        layers.append(ACTS[spec["pre_act"]]())
    layers.append(nn.Conv2d(c_in, spec["n_cls"], 1))
    return nn.Sequential(*layers)
