from .learner import A2CLearner
from .model import ActorCritic

__all__ = ["A2CLearner", "ActorCritic"]
