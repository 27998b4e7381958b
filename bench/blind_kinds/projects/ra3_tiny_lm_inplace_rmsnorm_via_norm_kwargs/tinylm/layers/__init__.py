from .mlp import SwiGLU
from .norm import RMSNorm

__all__ = ["RMSNorm", "SwiGLU"]
