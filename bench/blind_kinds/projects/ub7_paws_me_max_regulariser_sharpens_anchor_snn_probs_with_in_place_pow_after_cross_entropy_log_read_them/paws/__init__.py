from .losses import PawsLoss
from .snn import snn

__all__ = ["PawsLoss", "snn"]
