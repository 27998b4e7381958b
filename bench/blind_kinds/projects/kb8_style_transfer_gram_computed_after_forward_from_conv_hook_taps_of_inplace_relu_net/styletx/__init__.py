from .losses import StyleLoss, gram
from .net import make_features
from .optimize import stylize

__all__ = ["StyleLoss", "gram", "make_features", "stylize"]
