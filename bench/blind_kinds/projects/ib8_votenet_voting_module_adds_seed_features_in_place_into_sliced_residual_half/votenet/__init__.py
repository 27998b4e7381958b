from .model import VoteNet
from .losses import votenet_loss

__all__ = ["VoteNet", "votenet_loss"]
