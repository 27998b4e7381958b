from .modules import QuantMLP, make_block
from .lsq import LSQActQuantizer

__all__ = ["QuantMLP", "make_block", "LSQActQuantizer"]
