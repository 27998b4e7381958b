from .heads import MaskHead
from .losses import CompositeMaskLoss

__all__ = ["CompositeMaskLoss", "MaskHead"]
