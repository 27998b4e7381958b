from .agent import SACAgent
from .replay import ReplayBuffer

__all__ = ["ReplayBuffer", "SACAgent"]
