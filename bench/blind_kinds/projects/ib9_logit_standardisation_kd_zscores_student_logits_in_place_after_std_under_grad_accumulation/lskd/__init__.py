from .engine import Distiller
from .losses import LogitStandardKD
from .models import build_model

__all__ = ["Distiller", "LogitStandardKD", "build_model"]
