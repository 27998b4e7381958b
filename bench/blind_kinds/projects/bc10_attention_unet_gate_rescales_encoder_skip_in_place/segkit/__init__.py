from .losses import DiceBCELoss
from .models import build_model

__all__ = ["DiceBCELoss", "build_model"]
