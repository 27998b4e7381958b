from .model import ResidualMLP
from .norms import NORMS

__all__ = ["ResidualMLP", "NORMS"]
