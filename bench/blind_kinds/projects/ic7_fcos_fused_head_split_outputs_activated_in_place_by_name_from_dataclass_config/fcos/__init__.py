from .config import HeadConfig
from .head import FusedHead

__all__ = ["FusedHead", "HeadConfig"]
