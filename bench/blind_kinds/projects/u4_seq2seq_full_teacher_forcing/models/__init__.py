from .decoder import GRUDecoder
from .encoder import GRUEncoder

__all__ = ["GRUDecoder", "GRUEncoder"]
