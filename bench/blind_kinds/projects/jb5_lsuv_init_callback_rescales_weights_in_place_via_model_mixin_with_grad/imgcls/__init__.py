from .configs import ExperimentConfig
from .engine import Trainer, build_callbacks
from .models import build_model
from .utils import random_image_batches

__all__ = ["ExperimentConfig", "Trainer", "build_callbacks", "build_model", "random_image_batches"]
