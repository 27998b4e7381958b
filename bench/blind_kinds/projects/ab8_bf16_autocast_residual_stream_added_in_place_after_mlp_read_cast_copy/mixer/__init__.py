from .engine import TrainConfig, Trainer
from .model import TokenMLP

__all__ = ["TokenMLP", "TrainConfig", "Trainer"]
