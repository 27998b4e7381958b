from .head import DenseHead
from .losses import build_loss

__all__ = ["DenseHead", "build_loss"]
