from .configs import DEFAULTS
from .engine import Trainer, callbacks_from_config
from .models import build_model
from .utils import fake_loader

__all__ = ["DEFAULTS", "Trainer", "build_model", "callbacks_from_config", "fake_loader"]
