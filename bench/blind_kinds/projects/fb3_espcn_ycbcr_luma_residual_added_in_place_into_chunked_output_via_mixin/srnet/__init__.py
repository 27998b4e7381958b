from . import models  # noqa: F401  (fills the registry)
from .engine import fit
from .registry import MODELS, register

__all__ = ["MODELS", "fit", "register"]
