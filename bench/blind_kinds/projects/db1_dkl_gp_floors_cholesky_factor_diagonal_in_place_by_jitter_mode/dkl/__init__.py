from .gp import DKLRegressor
from .linalg import JITTER_MODES

__all__ = ["DKLRegressor", "JITTER_MODES"]
