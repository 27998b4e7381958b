from .base import TrackerBase
from .siamfc import SiamFC

__all__ = ["SiamFC", "TrackerBase"]
