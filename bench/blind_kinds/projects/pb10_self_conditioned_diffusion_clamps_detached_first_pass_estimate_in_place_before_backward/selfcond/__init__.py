from .denoiser import Denoiser
from .schedule import Schedule

__all__ = ["Denoiser", "Schedule"]
