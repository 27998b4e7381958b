from .model import VQVAE
from .quantizer import VectorQuantizer

__all__ = ["VQVAE", "VectorQuantizer"]
