from .config import LossWeights, StyleConfig
from .trainer import Trainer

__all__ = ["LossWeights", "StyleConfig", "Trainer"]
