import torch

from .lars import LARS

OPTIMIZERS = {"sgd": torch.optim.SGD, "lars": LARS}


def build_optimizer(name, params, **cfg):
    return OPTIMIZERS[name](params, **cfg)
