from .cache import CACHES, make_cache
from .loop import train_on_sequence
from .model import ChunkLM

__all__ = ["CACHES", "ChunkLM", "make_cache", "train_on_sequence"]
