from .hooks import HOOKS
from .model import LatentDiffusion

__all__ = ["HOOKS", "LatentDiffusion"]
