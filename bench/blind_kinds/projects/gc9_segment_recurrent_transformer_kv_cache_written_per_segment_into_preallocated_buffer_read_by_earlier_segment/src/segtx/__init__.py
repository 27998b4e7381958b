from .layers import build_attention
from .model import SegmentLM

__all__ = ["SegmentLM", "build_attention"]
