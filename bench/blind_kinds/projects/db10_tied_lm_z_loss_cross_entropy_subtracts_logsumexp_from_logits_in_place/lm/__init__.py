from . import losses
from .model import TiedLM
from .trainer import Trainer

__all__ = ["Trainer", "TiedLM", "losses"]
