from .config import W2VConfig
from .trainer import pretrain

__all__ = ["W2VConfig", "pretrain"]
