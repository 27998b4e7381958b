from .loop import train_step
from .targets import SoftTargets

__all__ = ["SoftTargets", "train_step"]
