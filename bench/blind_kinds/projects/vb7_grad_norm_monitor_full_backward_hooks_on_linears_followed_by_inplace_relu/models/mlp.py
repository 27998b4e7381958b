import torch.nn as nn

ACTIVATIONS = {
    "relu": lambda: nn.ReLU(inplace=True),  # L
    "gelu": nn.GELU,
}


def build_mlp(dims, act="relu"):
    layers = []
    for d_in, d_out in zip(dims[:-2], dims[1:-1]):
        layers += [nn.Linear(d_in, d_out), ACTIVATIONS[act]()]
    layers.append(nn.Linear(dims[-2], dims[-1]))
    return nn.Sequential(*layers)
