from .losses import build_loss
from .models import Encoder

__all__ = ["Encoder", "build_loss"]
