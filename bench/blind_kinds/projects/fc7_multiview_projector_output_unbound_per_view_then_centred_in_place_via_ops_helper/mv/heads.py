import torch.nn as nn


def build_projector(dims, norm="bn"):
    layers = []
    for d_in, d_out in zip(dims[:-2], dims[1:-1]):
        layers += [nn.Linear(d_in, d_out), nn.BatchNorm1d(d_out) if norm == "bn" else nn.Identity(), nn.ReLU()]
    layers.append(nn.Linear(dims[-2], dims[-1]))
    return nn.Sequential(*layers)
