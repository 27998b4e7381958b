import torch

from .lion import Lion

OPTIMIZERS = {"lion": Lion, "adamw": torch.optim.AdamW, "sgd": torch.optim.SGD}


def build_optimizer(params, cfg):
    cfg = dict(cfg)
    name = cfg.pop("name")
    return OPTIMIZERS[name](params, **cfg)
