from .constraints import attach
from .model import AnchorHead
from .loss import box_loss

__all__ = ["AnchorHead", "attach", "box_loss"]
