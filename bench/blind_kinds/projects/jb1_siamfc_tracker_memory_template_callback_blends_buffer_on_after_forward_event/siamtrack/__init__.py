from .configs import ModelConfig, TrainConfig
from .engine import Callback, TemplateUpdate, Trainer
from .models import SiamFC, TrackerBase
from .utils import make_pairs

__all__ = ["Callback", "ModelConfig", "SiamFC", "TemplateUpdate", "TrackerBase", "Trainer",
           "TrainConfig", "make_pairs"]
