from .accumulate import Accumulator
from .losses import CRITERIA, build_criterion

__all__ = ["Accumulator", "CRITERIA", "build_criterion"]
