from .lstm import ScratchLSTM
from .weight_drop import WeightDrop

__all__ = ["ScratchLSTM", "WeightDrop"]
