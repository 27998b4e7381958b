from .algo import A2C
from .model import Policy
from .storage import RolloutStorage

__all__ = ["A2C", "Policy", "RolloutStorage"]
