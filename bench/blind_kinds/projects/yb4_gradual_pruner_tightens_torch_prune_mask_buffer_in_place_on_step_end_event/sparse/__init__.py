from .pruner import GradualPruner
from .schedule import cubic_sparsity

__all__ = ["GradualPruner", "cubic_sparsity"]
