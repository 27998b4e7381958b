from .base import Backbone
from .resnet import TinyResNet

ARCHS = {"tiny_resnet": TinyResNet}


def build_backbone(cfg):
    cfg = dict(cfg)
    return ARCHS[cfg.pop("arch")](**cfg)


__all__ = ["ARCHS", "Backbone", "TinyResNet", "build_backbone"]
