from .icm import ICM
from .normalize import RunningRewardNormalizer
from .agent import CuriousAgent

__all__ = ["ICM", "RunningRewardNormalizer", "CuriousAgent"]
