from .model import Codec
from .rvq import ResidualVQ

__all__ = ["Codec", "ResidualVQ"]
