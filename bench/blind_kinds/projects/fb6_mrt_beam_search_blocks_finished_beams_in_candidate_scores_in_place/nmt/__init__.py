from .config import MRTConfig, SearchConfig
from .model import Seq2Seq
from .train.loop import train

__all__ = ["MRTConfig", "SearchConfig", "Seq2Seq", "train"]
