from .learner import SACLearner

__all__ = ["SACLearner"]
