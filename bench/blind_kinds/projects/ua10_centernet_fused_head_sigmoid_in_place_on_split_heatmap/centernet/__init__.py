from .heads import FusedCenterHead
from .losses import centernet_loss

__all__ = ["FusedCenterHead", "centernet_loss"]
