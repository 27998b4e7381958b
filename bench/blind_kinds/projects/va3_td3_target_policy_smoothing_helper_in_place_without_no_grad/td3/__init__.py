from .agent import TD3
from .networks import Actor, TwinCritic

__all__ = ["TD3", "Actor", "TwinCritic"]
