from .losses import LOSSES
from .model import MultiTaskNet

__all__ = ["LOSSES", "MultiTaskNet"]
