from .layers import MoDBlock
from .ops import WRITE_BACK

__all__ = ["MoDBlock", "WRITE_BACK"]
