from .buffer import FeatureBuffer
from .model import Encoder, QHead

__all__ = ["Encoder", "QHead", "FeatureBuffer"]
