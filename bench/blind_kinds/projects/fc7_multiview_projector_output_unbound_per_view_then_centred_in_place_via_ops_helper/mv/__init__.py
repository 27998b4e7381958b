from .heads import build_projector
from .loss import MultiViewLoss

__all__ = ["build_projector", "MultiViewLoss"]
