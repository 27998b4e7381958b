from .model import CellTagger
from .regularizers import build_step_dropout

__all__ = ["CellTagger", "build_step_dropout"]
