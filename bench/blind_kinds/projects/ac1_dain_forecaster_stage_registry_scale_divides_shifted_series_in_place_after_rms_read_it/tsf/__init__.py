from .dain import DAIN
from .model import Forecaster, build_forecaster

__all__ = ["DAIN", "Forecaster", "build_forecaster"]
