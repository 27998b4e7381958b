import torch.nn as nn


def mlp(d_in, n_cls, width=16):
    return nn.Sequential(nn.Linear(d_in, width), nn.ReLU(), nn.Linear(width, n_cls))


def wide(d_in, n_cls):
    return mlp(d_in, n_cls, width=32)


def deep(d_in, n_cls):
    return nn.Sequential(nn.Linear(d_in, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, n_cls))


PEERS = {"mlp": mlp, "wide": wide, "deep": deep}


def build_peers(names, d_in, n_cls):
    return nn.ModuleList(PEERS[name](d_in, n_cls) for name in names)
