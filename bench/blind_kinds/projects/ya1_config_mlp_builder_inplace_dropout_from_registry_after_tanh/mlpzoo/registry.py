"""Layer factories by name, so experiments are described by plain config dicts."""
import torch.nn as nn

LAYERS = {}

ACTIVATIONS = {"relu": "ReLU", "gelu": "GELU", "tanh": "Tanh", "silu": "SiLU"}


def register(name):
    def deco(fn):
        LAYERS[name] = fn
        return fn
    return deco


@register("linear")
def linear(d_in, d_out, bias=True):
    return nn.Linear(d_in, d_out, bias=bias)


@register("act")
def activation(name):
    return getattr(nn, ACTIVATIONS[name])()


@register("dropout")
def dropout(p=0.1, inplace=False):
    # inplace saves one activation-sized buffer per layer on big models
    return nn.Dropout(p, inplace=inplace)  # L
