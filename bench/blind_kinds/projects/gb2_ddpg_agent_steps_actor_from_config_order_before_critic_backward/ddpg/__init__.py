from .agent import DDPGAgent
from .replay import ReplayBuffer
from .updates import apply_updates

__all__ = ["DDPGAgent", "ReplayBuffer", "apply_updates"]
