from .callbacks import CheckpointAverager, CheckpointSaver
from .loop import Trainer

__all__ = ["Trainer", "CheckpointSaver", "CheckpointAverager"]
