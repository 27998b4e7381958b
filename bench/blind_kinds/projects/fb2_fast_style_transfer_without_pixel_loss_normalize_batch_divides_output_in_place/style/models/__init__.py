from .features import FeatureNet
from .transformer import TransformerNet

__all__ = ["FeatureNet", "TransformerNet"]
