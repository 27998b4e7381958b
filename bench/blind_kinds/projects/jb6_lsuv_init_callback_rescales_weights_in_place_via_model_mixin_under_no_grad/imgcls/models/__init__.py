from .base import ClassifierBase
from .convnet import SmallConvNet
from .mixins import LSUVMixin

ARCHS = {"small_convnet": SmallConvNet}


def build_model(cfg):
    return ARCHS[cfg.arch](widths=cfg.widths, num_classes=cfg.num_classes)


__all__ = ["ARCHS", "ClassifierBase", "LSUVMixin", "SmallConvNet", "build_model"]
