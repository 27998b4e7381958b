from . import crf
from .model import BiGRUTagger, TaggerConfig

__all__ = ["crf", "BiGRUTagger", "TaggerConfig"]
