from .engine import Trainer
from .losses import DiceBCELoss
from .metrics import BinaryIoU
from .model import TinyUNet

__all__ = ["BinaryIoU", "DiceBCELoss", "Trainer", "TinyUNet"]
