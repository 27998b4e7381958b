from .block import Block, TinyViT
from .regularizers import ActivationPenalty

__all__ = ["ActivationPenalty", "Block", "TinyViT"]
