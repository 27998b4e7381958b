from .callbacks import Callback, GradClip, Perplexity
from .trainer import LMTrainer

__all__ = ["Callback", "GradClip", "LMTrainer", "Perplexity"]
