from .loss import KeypointLoss
from .model import KeypointNet

__all__ = ["KeypointLoss", "KeypointNet"]
