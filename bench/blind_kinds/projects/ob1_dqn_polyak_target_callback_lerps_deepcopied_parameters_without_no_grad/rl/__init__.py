from .agent import DQNAgent
from .buffer import ReplayBuffer
from .targets import PolyakSync, HardSync

__all__ = ["DQNAgent", "ReplayBuffer", "PolyakSync", "HardSync"]
