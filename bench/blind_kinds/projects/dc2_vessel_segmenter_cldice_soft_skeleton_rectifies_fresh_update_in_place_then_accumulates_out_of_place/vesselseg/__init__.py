from .model import TinyUNet
from .losses import build_loss

__all__ = ["TinyUNet", "build_loss"]
