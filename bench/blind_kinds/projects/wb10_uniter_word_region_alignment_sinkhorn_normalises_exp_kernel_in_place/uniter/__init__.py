from .model import ImageTextEncoder
from .losses import wra_loss

__all__ = ["ImageTextEncoder", "wra_loss"]
