from .learner import DoubleDQNLearner
from .networks import build_qnet

__all__ = ["DoubleDQNLearner", "build_qnet"]
