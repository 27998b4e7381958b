from .encoder import BiEncoder
from .loss import info_nce

__all__ = ["BiEncoder", "info_nce"]
