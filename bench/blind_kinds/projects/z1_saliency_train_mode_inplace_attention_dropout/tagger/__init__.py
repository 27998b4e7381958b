from .layers import DotAttention, DroppedAttention, Mixer
from .model import Tagger

__all__ = ["DotAttention", "DroppedAttention", "Mixer", "Tagger"]
