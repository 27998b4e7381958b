from .model import PINN
from .training import sample_collocation, train

__all__ = ["PINN", "sample_collocation", "train"]
