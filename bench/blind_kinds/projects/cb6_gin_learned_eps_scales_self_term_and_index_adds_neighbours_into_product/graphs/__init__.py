from .data import random_graph_batch
from .model import GIN

__all__ = ["GIN", "random_graph_batch"]
