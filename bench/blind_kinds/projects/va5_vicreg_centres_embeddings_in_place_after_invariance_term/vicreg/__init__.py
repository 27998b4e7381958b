from .model import VICReg
from .losses import vicreg_loss

__all__ = ["VICReg", "vicreg_loss"]
