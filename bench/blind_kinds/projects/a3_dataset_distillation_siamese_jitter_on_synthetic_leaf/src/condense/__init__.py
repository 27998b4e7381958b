from .augment import SiameseAugment
from .matching import gradient_match_loss
from .nets import ConvNet

__all__ = ["ConvNet", "SiameseAugment", "gradient_match_loss"]
