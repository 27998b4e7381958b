from .blocks import BLOCKS, build_block
from .model import Denoiser

__all__ = ["BLOCKS", "build_block", "Denoiser"]
