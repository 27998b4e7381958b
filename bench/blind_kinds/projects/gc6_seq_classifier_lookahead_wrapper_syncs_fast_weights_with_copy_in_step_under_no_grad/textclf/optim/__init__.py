from .lookahead import Lookahead

__all__ = ["Lookahead"]
