from .model import SwAVNet
from .callbacks import PrototypeNorm
from .trainer import Trainer

__all__ = ["SwAVNet", "PrototypeNorm", "Trainer"]
