from .config import MTLConfig
from .losses import UncertaintyWeighting
from .model import SharedTrunkNet

__all__ = ["MTLConfig", "UncertaintyWeighting", "SharedTrunkNet"]
