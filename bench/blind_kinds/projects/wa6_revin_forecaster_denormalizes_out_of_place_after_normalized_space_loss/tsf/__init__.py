from .losses import dual_scale_loss
from .models import MODELS, build
from .revin import RevIN

__all__ = ["MODELS", "RevIN", "build", "dual_scale_loss"]
