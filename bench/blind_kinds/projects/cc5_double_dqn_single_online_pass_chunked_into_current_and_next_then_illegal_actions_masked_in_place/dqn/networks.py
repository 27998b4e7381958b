import torch.nn as nn


def build_qnet(obs_dim, n_actions, hidden=(32, 32)):
    layers, width = [], obs_dim
    for h in hidden:
        layers += [nn.Linear(width, h), nn.ReLU()]
        width = h
    layers.append(nn.Linear(width, n_actions))
    return nn.Sequential(*layers)
