from .embedder import Embedder
from .loss import SmoothAP
from .sampler import pk_batches

__all__ = ["Embedder", "SmoothAP", "pk_batches"]
