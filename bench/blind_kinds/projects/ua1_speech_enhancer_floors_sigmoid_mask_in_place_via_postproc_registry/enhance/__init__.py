from .losses import enhancement_loss
from .model import MaskEstimator
from .postproc import build_postproc

__all__ = ["enhancement_loss", "MaskEstimator", "build_postproc"]
