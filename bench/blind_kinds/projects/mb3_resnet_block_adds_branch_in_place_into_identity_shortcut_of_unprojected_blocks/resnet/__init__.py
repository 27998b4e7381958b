from .builder import BLOCKS, ResNetConfig, build_resnet, register_block
from . import blocks  # noqa: F401  (registers the block types)

__all__ = ["BLOCKS", "ResNetConfig", "build_resnet", "register_block"]
