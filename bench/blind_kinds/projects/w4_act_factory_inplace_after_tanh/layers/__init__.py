from .acts import make_act
from .blocks import SquashBlock

__all__ = ["make_act", "SquashBlock"]
