from .learner import Learner
from .memory import SequenceReplay
from .network import RecurrentQ

__all__ = ["Learner", "SequenceReplay", "RecurrentQ"]
