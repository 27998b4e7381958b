from .learner import CQLLearner
from .networks import QNetwork

__all__ = ["CQLLearner", "QNetwork"]
