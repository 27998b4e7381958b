from .buffer import ReservoirBuffer
from .strategy import DerPlusPlus

__all__ = ["DerPlusPlus", "ReservoirBuffer"]
