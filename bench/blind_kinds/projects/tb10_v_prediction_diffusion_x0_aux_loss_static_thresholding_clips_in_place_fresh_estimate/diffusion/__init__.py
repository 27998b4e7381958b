from .losses import diffusion_loss
from .model import Denoiser
from .schedule import CosineSchedule
from .thresholds import THRESHOLDS

__all__ = ["diffusion_loss", "Denoiser", "CosineSchedule", "THRESHOLDS"]
