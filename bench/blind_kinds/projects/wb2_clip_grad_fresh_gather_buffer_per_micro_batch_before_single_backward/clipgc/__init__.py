from .gather import FeatureGatherer
from .losses import ClipLoss
from .models import DualEncoder

__all__ = ["ClipLoss", "DualEncoder", "FeatureGatherer"]
