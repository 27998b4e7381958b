from .logging_utils import PredictionLogger
from .model import EnergyMLP
from .trainer import Trainer

__all__ = ["EnergyMLP", "PredictionLogger", "Trainer"]
