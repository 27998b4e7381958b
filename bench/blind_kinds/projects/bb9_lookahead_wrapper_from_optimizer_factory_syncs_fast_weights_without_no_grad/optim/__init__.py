from functools import partial

import torch

from .lookahead import Lookahead

BASE_OPTIMIZERS = {
    "sgd": partial(torch.optim.SGD, momentum=0.9),
    "adam": torch.optim.Adam,
    "adamw": partial(torch.optim.AdamW, weight_decay=0.01),
}


def build_optimizer(params, cfg):
    base = BASE_OPTIMIZERS[cfg.optimizer](params, lr=cfg.lr)
    if cfg.lookahead_k:
        return Lookahead(base, k=cfg.lookahead_k, alpha=cfg.lookahead_alpha)
    return base
