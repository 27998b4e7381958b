from .box_coder import BoxCoder
from .two_stage import TwoStageDetector

__all__ = ["BoxCoder", "TwoStageDetector"]
