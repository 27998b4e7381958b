from .losses import LOSSES
from .metrics import reward_stats
from .model import RewardModel

__all__ = ["LOSSES", "RewardModel", "reward_stats"]
