from .heads import DINOHead, Backbone
from .losses import DINOLoss, KoLeoLoss

__all__ = ["Backbone", "DINOHead", "DINOLoss", "KoLeoLoss"]
