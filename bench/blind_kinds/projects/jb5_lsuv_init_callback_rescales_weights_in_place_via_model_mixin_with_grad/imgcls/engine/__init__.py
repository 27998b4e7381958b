from .callbacks import Callback, LSUVInit, build_callbacks
from .trainer import Trainer

__all__ = ["Callback", "LSUVInit", "Trainer", "build_callbacks"]
