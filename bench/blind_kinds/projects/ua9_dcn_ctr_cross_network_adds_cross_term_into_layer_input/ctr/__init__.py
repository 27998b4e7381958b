from .features import FeatureEmbedder
from .model import DCN

__all__ = ["FeatureEmbedder", "DCN"]
