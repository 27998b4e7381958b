from .head import YoloHead
from .loss import YoloLoss

__all__ = ["YoloHead", "YoloLoss"]
