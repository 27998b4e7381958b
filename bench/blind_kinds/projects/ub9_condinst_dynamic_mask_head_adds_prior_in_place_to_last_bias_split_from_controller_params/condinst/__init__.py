from .head import DynamicMaskHead
from .model import CondInstLite

__all__ = ["CondInstLite", "DynamicMaskHead"]
