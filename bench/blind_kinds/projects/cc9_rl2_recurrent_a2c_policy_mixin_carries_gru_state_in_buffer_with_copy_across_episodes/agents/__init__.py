from .policy import RecurrentPolicy
from .rollout import unroll

__all__ = ["RecurrentPolicy", "unroll"]
