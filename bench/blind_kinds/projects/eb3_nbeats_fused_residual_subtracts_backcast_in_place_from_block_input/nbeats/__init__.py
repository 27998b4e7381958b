from .blocks import GenericBlock, TrendBlock
from .model import NBeats

__all__ = ["GenericBlock", "NBeats", "TrendBlock"]
