from .inner import adapt
from .nets import SineRegressor

__all__ = ["SineRegressor", "adapt"]
