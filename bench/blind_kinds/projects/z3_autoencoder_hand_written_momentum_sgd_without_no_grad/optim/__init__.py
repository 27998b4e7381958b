from .base import ManualOptimizer
from .sgd import MomentumSGD

__all__ = ["ManualOptimizer", "MomentumSGD"]
