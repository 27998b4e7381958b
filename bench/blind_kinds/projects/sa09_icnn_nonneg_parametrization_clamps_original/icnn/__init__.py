from .build import build_icnn
from .constraints import CONSTRAINTS

__all__ = ["CONSTRAINTS", "build_icnn"]
