from .generator import Generator
from .ops import FusedLeakyReLU, fused_leaky_relu

__all__ = ["FusedLeakyReLU", "Generator", "fused_leaky_relu"]
