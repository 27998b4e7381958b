from .losses import HybridLoss
from .model import Denoiser
from .schedule import CosineSchedule

__all__ = ["CosineSchedule", "Denoiser", "HybridLoss"]
