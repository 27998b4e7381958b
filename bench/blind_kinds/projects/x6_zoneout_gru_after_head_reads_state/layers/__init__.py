from .registry import REGULARIZERS, register
from . import zoneout  # noqa: F401  (registers "zoneout")

__all__ = ["REGULARIZERS", "register"]
