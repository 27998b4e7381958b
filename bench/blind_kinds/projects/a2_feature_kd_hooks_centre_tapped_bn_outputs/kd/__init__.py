from .losses import LOSSES, build_loss
from .taps import FeatureTaps

__all__ = ["FeatureTaps", "LOSSES", "build_loss"]
