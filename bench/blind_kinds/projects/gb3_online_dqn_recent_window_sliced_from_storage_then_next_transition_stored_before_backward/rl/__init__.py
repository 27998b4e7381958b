from .loop import online_step
from .networks import QNetwork, ToyEnv
from .store import TransitionStore

__all__ = ["QNetwork", "ToyEnv", "TransitionStore", "online_step"]
