from .builder import build_model
from .registry import LAYERS, register

__all__ = ["LAYERS", "build_model", "register"]
