"""Squared Euclidean distances between embeddings and prototypes, chosen by name in the config."""
import torch

DISTANCES = {}


def register(name):
    def deco(fn):
        DISTANCES[name] = fn
        return fn
    return deco


@register("cdist")
def cdist_sq(x, protos):
    return torch.cdist(x, protos).pow(2)


@register("sqdiff")
def broadcast_sq(x, protos):
    return (x.unsqueeze(1) - protos.unsqueeze(0)).pow(2).sum(-1)
