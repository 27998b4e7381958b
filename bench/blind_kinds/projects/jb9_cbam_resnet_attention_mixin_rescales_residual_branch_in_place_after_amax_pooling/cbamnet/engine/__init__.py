from .callbacks import CALLBACKS, callbacks_from_config
from .trainer import Trainer

__all__ = ["CALLBACKS", "Trainer", "callbacks_from_config"]
