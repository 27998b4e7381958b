import torch.nn as nn

from .registry import LAYERS


def build_model(cfg):
    layers, width = [], cfg["d_in"]
    for spec in cfg["layers"]:
        spec = dict(spec)
        kind = spec.pop("type")
        if kind == "linear":
            spec.setdefault("d_in", width)
            width = spec["d_out"]
        layers.append(LAYERS[kind](**spec))
    return nn.Sequential(*layers)
