from .encoder import GCNEncoder
from .graph import normalized_adjacency
from .sampling import negative_edges, link_loss

__all__ = ["GCNEncoder", "normalized_adjacency", "negative_edges", "link_loss"]
