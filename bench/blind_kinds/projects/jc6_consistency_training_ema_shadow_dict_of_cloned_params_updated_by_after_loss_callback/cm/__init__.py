from .callbacks import EMACallback
from .ema import EMA
from .trainer import ConsistencyTrainer

__all__ = ["EMA", "EMACallback", "ConsistencyTrainer"]
