from .models import MODELS, build_model
from . import metrics

__all__ = ["MODELS", "build_model", "metrics"]
