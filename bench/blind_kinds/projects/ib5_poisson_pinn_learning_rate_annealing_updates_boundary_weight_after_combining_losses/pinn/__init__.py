from .network import FCN
from .solver import Solver

__all__ = ["FCN", "Solver"]
