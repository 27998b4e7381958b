from .agent import ActorCritic
from .learner import A2CLearner
from .popart import PopArt
from .rollout import Rollout, collect

__all__ = ["A2CLearner", "ActorCritic", "PopArt", "Rollout", "collect"]
