from . import losses
from .heads import GaussianHead, HeadConfig
from .model import build_regressor

__all__ = ["GaussianHead", "HeadConfig", "build_regressor", "losses"]
