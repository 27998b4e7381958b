from . import blocks  # noqa: F401  (fills the registry)
from .registry import BLOCKS, build_model

__all__ = ["BLOCKS", "build_model"]
