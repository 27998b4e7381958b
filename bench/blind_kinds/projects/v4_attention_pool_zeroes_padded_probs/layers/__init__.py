from .attention import AttentionPool
from .masking import fill_padded_

__all__ = ["AttentionPool", "fill_padded_"]
