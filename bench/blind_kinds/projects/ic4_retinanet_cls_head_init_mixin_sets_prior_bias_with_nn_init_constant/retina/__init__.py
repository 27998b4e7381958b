from .heads import RetinaHead
from .losses import sigmoid_focal_loss

__all__ = ["RetinaHead", "sigmoid_focal_loss"]
