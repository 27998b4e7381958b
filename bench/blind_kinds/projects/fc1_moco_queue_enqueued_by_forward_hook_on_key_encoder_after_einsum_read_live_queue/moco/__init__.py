from .builder import MoCo
from .queue import KeyQueue, enqueue_on_forward

__all__ = ["MoCo", "KeyQueue", "enqueue_on_forward"]
