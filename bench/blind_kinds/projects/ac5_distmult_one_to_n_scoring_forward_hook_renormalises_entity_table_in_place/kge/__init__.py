from .constraints import attach_constraints
from .models import DistMult

__all__ = ["DistMult", "attach_constraints"]
