from .backbone import ResidualMLP
from .blocks import FeedForward

__all__ = ["ResidualMLP", "FeedForward"]
