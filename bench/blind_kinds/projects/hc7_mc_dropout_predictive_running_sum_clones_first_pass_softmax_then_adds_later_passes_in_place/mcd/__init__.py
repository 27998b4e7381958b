from .model import MCDropoutNet
from .predict import mc_predictive

__all__ = ["MCDropoutNet", "mc_predictive"]
