from .head import DenseHead
from .losses import DenseLoss

__all__ = ["DenseHead", "DenseLoss"]
