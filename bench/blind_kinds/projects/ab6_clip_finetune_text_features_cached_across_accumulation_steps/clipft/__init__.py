from .accumulate import AccumConfig, train_epoch
from .towers import DualEncoder
from .zeroshot import ClassTextFeatures

__all__ = ["AccumConfig", "ClassTextFeatures", "DualEncoder", "train_epoch"]
