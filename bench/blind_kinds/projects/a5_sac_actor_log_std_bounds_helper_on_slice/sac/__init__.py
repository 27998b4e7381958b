from .actor import GaussianActor
from .critic import TwinQ
from .replay import ReplayBuffer

__all__ = ["GaussianActor", "ReplayBuffer", "TwinQ"]
