import torch.nn as nn


def _mlp(widths, final_act=None):
    layers = []
    for i, (a, b) in enumerate(zip(widths[:-1], widths[1:])):
        layers.append(nn.Linear(a, b))
        if i < len(widths) - 2:
            layers.append(nn.ReLU())
    if final_act is not None:
        layers.append(final_act)
    return nn.Sequential(*layers)


def build_generator(cfg):
    return _mlp([cfg["z_dim"], *cfg["g_hidden"], cfg["x_dim"]])


def build_discriminator(cfg):
    return _mlp([cfg["x_dim"], *cfg["d_hidden"], 1])
