from .layer import MoEFeedForward
from .router import Router, RouterConfig

__all__ = ["MoEFeedForward", "Router", "RouterConfig"]
