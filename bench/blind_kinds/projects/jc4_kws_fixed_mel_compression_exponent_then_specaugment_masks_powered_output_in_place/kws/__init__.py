from .frontend import MelFrontend
from .augment import SpecAugment
from .model import KeywordNet

__all__ = ["KeywordNet", "MelFrontend", "SpecAugment"]
