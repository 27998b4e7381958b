from .graph import radius_graph
from .model import InteractionNet

__all__ = ["InteractionNet", "radius_graph"]
