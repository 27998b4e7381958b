from .constraints import hard_initial_condition_
from .model import FieldNet
from .physics import nls_residual, periodic_boundary_loss

__all__ = ["FieldNet", "hard_initial_condition_", "nls_residual", "periodic_boundary_loss"]
