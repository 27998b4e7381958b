from .config import EnsembleConfig
from .losses import gaussian_nll
from .models import DeepEnsemble

__all__ = ["DeepEnsemble", "EnsembleConfig", "gaussian_nll"]
