from .neck import FPN
from .backbone import TinyBackbone

__all__ = ["FPN", "TinyBackbone"]
