from .detector import PyramidDetector
from .fpn import FPN
from .stages import PreActBackbone

__all__ = ["FPN", "PreActBackbone", "PyramidDetector"]
