from . import callbacks
from .model import BagClassifier
from .trainer import Trainer

__all__ = ["BagClassifier", "Trainer", "callbacks"]
