from . import nets  # noqa: F401  (registers the architectures)
from .registry import available, build

__all__ = ["available", "build"]
