from .model import SharedTowerRetriever
from .losses import in_batch_negatives_loss

__all__ = ["SharedTowerRetriever", "in_batch_negatives_loss"]
