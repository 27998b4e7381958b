from .blocks import EdgeBlock, NodeBlock, make_mlp
from .processor import Processor

__all__ = ["EdgeBlock", "NodeBlock", "Processor", "make_mlp"]
