from .hooks import FeatureTaps
from .losses import at_loss
from .nets import TinyResNet

__all__ = ["FeatureTaps", "TinyResNet", "at_loss"]
