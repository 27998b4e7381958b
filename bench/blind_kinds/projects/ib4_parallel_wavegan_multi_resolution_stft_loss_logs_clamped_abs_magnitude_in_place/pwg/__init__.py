from .generator import TinyGenerator
from .losses import MultiResolutionSTFTLoss
from .trainer import Trainer

__all__ = ["MultiResolutionSTFTLoss", "TinyGenerator", "Trainer"]
