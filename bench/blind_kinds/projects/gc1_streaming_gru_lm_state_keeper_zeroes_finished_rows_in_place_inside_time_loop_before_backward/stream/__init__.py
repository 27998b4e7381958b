from .loop import train_chunk
from .model import StreamLM
from .state import StateKeeper

__all__ = ["StateKeeper", "StreamLM", "train_chunk"]
