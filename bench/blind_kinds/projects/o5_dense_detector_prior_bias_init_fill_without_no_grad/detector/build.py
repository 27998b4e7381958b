from .head import DenseHead
from .init import INITIALIZERS


def build_detector(cfg):
    model = DenseHead(**cfg["head"])
    for name in cfg.get("init", ()):
        INITIALIZERS[name](model, **cfg.get("init_kwargs", {}))  # L
    return model
