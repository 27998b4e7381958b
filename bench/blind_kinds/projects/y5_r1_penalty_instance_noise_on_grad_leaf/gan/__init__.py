from .nets import Critic, Generator
from .trainer import R1Trainer, TrainConfig

__all__ = ["Critic", "Generator", "R1Trainer", "TrainConfig"]
