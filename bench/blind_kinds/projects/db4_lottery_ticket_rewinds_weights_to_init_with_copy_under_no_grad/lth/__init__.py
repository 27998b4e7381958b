from .models import build_model
from .rounds import iterative_magnitude_pruning

__all__ = ["build_model", "iterative_magnitude_pruning"]
