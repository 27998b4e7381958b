from .box_coder import BoxCoder
from .head import DenseHead
from .losses import DetectionLoss

__all__ = ["BoxCoder", "DenseHead", "DetectionLoss"]
