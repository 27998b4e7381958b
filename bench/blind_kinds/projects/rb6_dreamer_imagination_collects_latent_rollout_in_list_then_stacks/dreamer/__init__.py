from .behavior import ActorCritic
from .imagine import Imagination
from .world_model import WorldModel
