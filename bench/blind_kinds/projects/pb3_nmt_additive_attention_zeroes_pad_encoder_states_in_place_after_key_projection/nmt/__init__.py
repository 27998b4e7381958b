from .config import NMTConfig
from .model import AttentionNMT

__all__ = ["AttentionNMT", "NMTConfig"]
