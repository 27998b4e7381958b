from .model import GAT, build_model
from .utils import edge_softmax, drop_edges

__all__ = ["GAT", "build_model", "edge_softmax", "drop_edges"]
