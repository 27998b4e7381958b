from .loss import unrolled_loss
from .networks import MuZeroNet

__all__ = ["MuZeroNet", "unrolled_loss"]
