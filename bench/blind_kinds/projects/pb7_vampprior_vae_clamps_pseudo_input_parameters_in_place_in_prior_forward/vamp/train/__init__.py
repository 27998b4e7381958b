from .callbacks import ClampPseudoInputs
from .loop import fit

__all__ = ["ClampPseudoInputs", "fit"]
