from .losses import HybridLoss
from .model import X0Denoiser
from .schedule import NoiseSchedule

__all__ = ["HybridLoss", "NoiseSchedule", "X0Denoiser"]
