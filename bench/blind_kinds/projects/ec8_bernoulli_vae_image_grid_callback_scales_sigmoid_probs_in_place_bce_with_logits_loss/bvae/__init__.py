from .callbacks import ImageGridLogger
from .losses import LOSSES
from .model import BernoulliVAE
from .trainer import Trainer

__all__ = ["BernoulliVAE", "ImageGridLogger", "LOSSES", "Trainer"]
