from .deeponet import MultiOutputDeepONet
from .registry import build_mlp

__all__ = ["MultiOutputDeepONet", "build_mlp"]
