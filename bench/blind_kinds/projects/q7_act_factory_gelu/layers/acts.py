import torch.nn as nn


def get_act(name):
    if name == "relu":
        return nn.ReLU(inplace=True)  # L
    if name == "gelu":
        return nn.GELU()
    raise ValueError(name)
