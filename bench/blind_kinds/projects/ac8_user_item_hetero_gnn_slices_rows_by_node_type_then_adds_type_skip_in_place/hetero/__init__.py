from .graph import BipartiteGraph
from .model import HeteroRecommender

__all__ = ["BipartiteGraph", "HeteroRecommender"]
