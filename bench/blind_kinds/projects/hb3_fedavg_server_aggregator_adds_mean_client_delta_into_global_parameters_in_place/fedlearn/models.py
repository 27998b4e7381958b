import torch.nn as nn


def build_model(d_in, hidden, classes):
    return nn.Sequential(nn.Linear(d_in, hidden), nn.ReLU(), nn.Linear(hidden, classes))
