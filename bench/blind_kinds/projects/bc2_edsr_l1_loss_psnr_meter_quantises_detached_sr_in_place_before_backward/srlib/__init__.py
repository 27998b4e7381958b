from .engine import SRTrainer, TrainConfig
from .metrics import PSNRMeter
from .models import MODELS, build_model

__all__ = ["MODELS", "PSNRMeter", "SRTrainer", "TrainConfig", "build_model"]
