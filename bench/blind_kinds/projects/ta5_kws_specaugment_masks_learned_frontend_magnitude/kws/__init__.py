from .augment import build_augment
from .frontend import LearnedFilterbank
from .model import KeywordSpotter

__all__ = ["build_augment", "LearnedFilterbank", "KeywordSpotter"]
