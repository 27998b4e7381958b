from .callbacks import LossSpikeGuard
from .engine import Trainer
from .model import build_regressor

__all__ = ["LossSpikeGuard", "Trainer", "build_regressor"]
